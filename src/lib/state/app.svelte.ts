import { fetchBundledFile } from '$lib/data/fetchBundled';
import type { BundledData } from '$lib/data/loadBundled';
import { SUMMARY_FORMAT, summaryConnector, type BundledSummary } from '$lib/data/summary';
import firstSummaryUrl from '$lib/generated/bundled-summary-first.json?url';
import wholeSummaryUrl from '$lib/generated/bundled-summary.json?url';
import { MAP_PAINTED_EVENT } from '$lib/map/mapEvents';
import type { Uploads } from '$lib/upload/uploads.svelte';
import type { DatasetEntry } from '$lib/upload/datasetLibrary.svelte';
import { storedDatasetCount } from '$lib/upload/storedCount';
import { Dashboard } from './dashboard.svelte';
import { Engine } from './engine.svelte';

/** The data engine, started only when something needs it (uploads, SQL, an unanswered view). */
export const engine = new Engine(fetchBundledFile);

/** A summary file of the build, or null when it is missing or of another shape. */
async function fetchSummary(url: string): Promise<BundledSummary | null> {
	try {
		const response = await fetch(url);
		if (!response.ok) return null;
		const summary = (await response.json()) as BundledSummary;
		return summary.format === SUMMARY_FORMAT ? summary : null;
	} catch {
		return null;
	}
}

let firstSummary: Promise<BundledSummary | null> | null = null;
let wholeSummary: Promise<BundledSummary | null> | null = null;
const first = () => (firstSummary ??= fetchSummary(firstSummaryUrl));
const whole = () => (wholeSummary ??= fetchSummary(wholeSummaryUrl));
// The rest of the summary (70 kB) once the first map is on screen, so the first change of view
// does not wait for it.
if (typeof window !== 'undefined') {
	window.addEventListener(MAP_PAINTED_EVENT, () => void whole(), { once: true });
}

/**
 * One dashboard for the whole page session: routes share it, so moving between views never
 * reloads the engine or the bundled data. Bundled views are answered from the build's summary;
 * the engine answers the rest.
 */
export const dashboard = new Dashboard(summaryConnector(first(), whole, engine));

/**
 * The datasets this browser uploaded, rebuilt from their stored originals when the page opens.
 * Their code (the dataset library and the upload wizard) is a chunk of its own, loaded by the
 * pages that upload or query (they import ./uploads.svelte) and by any page once the browser
 * has stored datasets to rebuild, never before the first map of a first visit.
 */
let library = $state.raw<Uploads | null>(null);
let loadingLibrary: Promise<Uploads> | null = null;

/** Called by ./uploads.svelte when it makes the one Uploads of the page. */
export function adoptUploads(uploads: Uploads): Uploads {
	uploads.onCrash = reloadDatabase;
	library = uploads;
	return uploads;
}

/** The upload code, loaded once. */
export function loadUploads(): Promise<Uploads> {
	return (loadingLibrary ??= import('./uploads.svelte').then((module) => module.uploads));
}

/** The uploaded datasets known so far (none until the upload code is loaded). */
export function uploadedDatasets(): readonly DatasetEntry[] {
	return library?.datasets ?? [];
}

/** Open the store and rebuild what it holds; skipped, code and all, when it holds nothing. */
async function openUploads(): Promise<void> {
	if (!library && (await storedDatasetCount()) === 0) return;
	await (await loadUploads()).open();
}

/** The bundled data's catalogue: from the summary, or by loading the files into the engine. */
async function bundledData(): Promise<BundledData> {
	const summary = await first();
	if (summary) return summary.bundled;
	await engine.connect();
	return engine.bundled!;
}

export function ensureLoaded(): Promise<void> {
	return dashboard.load(bundledData, openUploads);
}

/**
 * After the database worker crashed or was restarted to stop a query, everything in it is gone:
 * load the bundled data again and rebuild every uploaded dataset from its original.
 */
export function reloadDatabase(): Promise<void> {
	return dashboard.recover(bundledData, async () => {
		if (library) await library.rebuildAll();
	});
}
