import { bundledFileUrls } from './bundledFiles';

/** Read one bundled file from our own origin as bytes. */
export async function fetchBundledFile(file: string): Promise<Uint8Array> {
	const url = bundledFileUrls[file];
	if (!url) throw new Error(`${file} is not a bundled file`);
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${file}: HTTP ${response.status} ${response.statusText}`);
	return new Uint8Array(await response.arrayBuffer());
}
