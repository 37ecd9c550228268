import { fetchBundledFile } from '$lib/data/fetchBundled';
import { connector } from '$lib/db/duckdb';
import { Uploads } from '$lib/upload/uploads.svelte';
import { Dashboard } from './dashboard.svelte';

/**
 * One dashboard for the whole page session: routes share it, so moving between views never
 * reloads DuckDB or the bundled data.
 */
export const dashboard = new Dashboard(connector);

/** The datasets this browser uploaded, rebuilt from their stored originals when the page opens. */
export const uploads = new Uploads(dashboard);

export function ensureLoaded(): Promise<void> {
	return dashboard.load(fetchBundledFile, () => uploads.open());
}

/**
 * After the database worker crashed or was restarted to stop a query, everything in it is gone:
 * load the bundled data again and rebuild every uploaded dataset from its original.
 */
export function reloadDatabase(): Promise<void> {
	return dashboard.recover(fetchBundledFile, () => uploads.rebuildAll());
}

uploads.onCrash = reloadDatabase;
