import { dev, version } from '$app/environment';
import { resolve } from '$app/paths';
import { noteVersion, parseSeen } from './seenVersions';

const SEEN_KEY = 'pengo.seenVersions';

/** Whether the "Pengo was updated" notice shows; module state, so a language switch keeps it. */
export const updateNotice = $state({ visible: false });

let started = false;

/** Once per page load, in a built site only: note this version and register the service worker. */
export function startOffline(): void {
	if (started || dev) return;
	started = true;
	updateNotice.visible = isNewVersion();
	if (!('serviceWorker' in navigator)) return;
	// After the page's own files, so the offline copy does not compete with the first view.
	if (document.readyState === 'complete') register();
	else addEventListener('load', register, { once: true });
}

function isNewVersion(): boolean {
	try {
		const { updated, seen } = noteVersion(parseSeen(localStorage.getItem(SEEN_KEY)), version);
		localStorage.setItem(SEEN_KEY, JSON.stringify(seen));
		return updated;
	} catch {
		// No storage on this device: nothing to compare with, so nothing to announce.
		return false;
	}
}

function register(): void {
	navigator.serviceWorker.register(`${resolve('/')}service-worker.js`).catch((error: unknown) => {
		console.warn('Pengo will not work offline: the service worker was not registered.', error);
	});
}
