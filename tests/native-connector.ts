/**
 * The app's Connector on native DuckDB, so the whole bundled-data load runs in Node tests on the
 * same engine the browser runs. Registered files are written to a temporary folder that DuckDB
 * searches for relative file names.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connector, Row } from '../src/lib/db/connector';
import { openNativeDuckDB, type NativeDuckDB } from './native-duckdb';

export interface NativeConnector extends Connector {
	native: NativeDuckDB;
	close(): void;
}

export async function openNativeConnector(): Promise<NativeConnector> {
	const native = await openNativeDuckDB();
	const dir = mkdtempSync(join(tmpdir(), 'pengo-files-'));
	await native.query({ sql: 'SET file_search_path = ?', params: [dir] });
	return {
		native,
		async query<T extends Row = Row>(q: Parameters<Connector['query']>[0]) {
			const bound = typeof q === 'string' ? { sql: q, params: [] } : q;
			return (await native.query(bound)) as T[];
		},
		async registerFile(name: string, bytes: Uint8Array) {
			if (name.includes('/') || name.includes('\\')) throw new Error(`bad file name ${name}`);
			writeFileSync(join(dir, name), bytes);
		},
		async dropFile(name: string) {
			rmSync(join(dir, name), { force: true });
		},
		close() {
			native.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
