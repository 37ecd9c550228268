import type { SafeFileName } from './fileName';

/** Saves a Blob under a safe name: a click on an `<a download>` with an object URL, revoked after. */
export function downloadBlob(blob: Blob, name: SafeFileName): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.appendChild(a);
	try {
		a.click();
	} finally {
		a.remove();
		// The download has started from the click; revoking at once can cancel it in some browsers.
		setTimeout(() => URL.revokeObjectURL(url), 1000);
	}
}
