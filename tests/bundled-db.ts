/** A native database holding the bundled data, as the page holds it after its first load. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundled, type BundledData } from '../src/lib/data/loadBundled';
import { openNativeConnector, type NativeConnector } from './native-connector';

const dataDir = fileURLToPath(new URL('../data', import.meta.url));

/** A file of data/ as bytes. */
export const readData = async (file: string) => new Uint8Array(readFileSync(join(dataDir, file)));

export async function openBundledDb(): Promise<{ db: NativeConnector; data: BundledData }> {
	const db = await openNativeConnector();
	return { db, data: await loadBundled(db, readData) };
}
