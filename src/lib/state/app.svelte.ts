import { fetchBundledFile } from '$lib/data/fetchBundled';
import { connector } from '$lib/db/duckdb';
import { Dashboard } from './dashboard.svelte';

/**
 * One dashboard for the whole page session: routes share it, so moving between views never
 * reloads DuckDB or the bundled data.
 */
export const dashboard = new Dashboard(connector);

export function ensureLoaded(): Promise<void> {
	return dashboard.load(fetchBundledFile);
}
