/**
 * A Parquet file of this site (one a deployer put in `static/`), read by HTTP range requests: its
 * address is checked here (same origin only), and what a dataset from it keeps in the store is a
 * small record of the address, not the file, so a reload reads the file again from the site.
 */
import type { RoleGuess } from './types';

/** The address of a file on the page's own site, or null for any other site or scheme. */
export function siteParquetUrl(text: string, page: string): string | null {
	const written = text.trim();
	if (written === '') return null;
	let url: URL;
	try {
		url = new URL(written, page);
	} catch {
		return null;
	}
	const here = new URL(page);
	if (url.origin !== here.origin || !/^https?:$/.test(url.protocol)) return null;
	url.hash = '';
	return url.href;
}

/** The file's name as the last part of its path: '/data/census.parquet' → 'census.parquet'. */
export function urlFileName(url: string): string {
	const path = new URL(url).pathname;
	return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'parquet';
}

const POINTER_KIND = 'pengo-parquet-url';

/** What the store keeps for a dataset read from the site: its path (the site may move). */
export function urlPointer(url: string): Uint8Array {
	const { pathname, search } = new URL(url);
	return new TextEncoder().encode(JSON.stringify({ kind: POINTER_KIND, path: pathname + search }));
}

/** The site address a stored pointer names (resolved on the page's site); null for a real file. */
export function pointerUrl(bytes: Uint8Array, page: string): string | null {
	if (bytes.length > 4096 || bytes[0] !== 0x7b) return null;
	try {
		const value = JSON.parse(new TextDecoder().decode(bytes)) as { kind?: unknown; path?: unknown };
		if (value.kind !== POINTER_KIND || typeof value.path !== 'string') return null;
		return siteParquetUrl(value.path, page);
	} catch {
		return null;
	}
}

/** pointerUrl of a stored original (a Blob): only a small one can be a pointer. */
export async function blobPointerUrl(blob: Blob, page: string): Promise<string | null> {
	if (blob.size > 4096) return null;
	return pointerUrl(new Uint8Array(await blob.arrayBuffer()), page);
}

/** Columns (0-based) an import reads in full: every column with a role. */
export function roleColumns(roles: Pick<RoleGuess, 'columns'>): number[] {
	return roles.columns
		.filter((c) => c.role !== 'ignore')
		.map((c) => c.index - 1)
		.sort((a, b) => a - b);
}
