/**
 * The app's Connector on native DuckDB, so the whole bundled-data load runs in Node tests on the
 * same engine the browser runs. Registered files are written to a temporary folder, the only one
 * the engine may read: the same lockdown as the browser's database (src/lib/db/lockdown.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCancelledError, type Connector, type Row } from '../src/lib/db/connector';
import { lockdownStatements } from '../src/lib/db/lockdown';
import { openNativeDuckDB, type NativeDuckDB, type NativeOptions } from './native-duckdb';

export interface NativeConnector extends Connector {
	native: NativeDuckDB;
	close(): void;
}

export interface ConnectorOptions extends NativeOptions {
	/** The browser's limit when left out. */
	memoryLimit?: string;
	/** The one folder the engine may read and write (a new temporary one when left out). */
	dir?: string;
	/** Files outside it the engine may read (the aggregate command's input). */
	files?: string[];
}

export async function openNativeConnector(
	options: ConnectorOptions = {}
): Promise<NativeConnector> {
	const native = await openNativeDuckDB(options);
	const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'pengo-files-'));
	for (const statement of lockdownStatements(
		`${dir}/`,
		options.memoryLimit ?? '2GiB',
		options.files
	)) {
		await native.exec(statement);
	}
	return {
		native,
		async query<T extends Row = Row>(
			q: Parameters<Connector['query']>[0],
			options: Parameters<Connector['query']>[1] = {}
		) {
			const bound = typeof q === 'string' ? { sql: q, params: [] } : q;
			const { signal } = options;
			if (!signal) return (await native.query(bound)) as T[];
			if (signal.aborted) throw new QueryCancelledError(signal.reason, false);
			const interrupt = () => native.interrupt();
			signal.addEventListener('abort', interrupt, { once: true });
			try {
				return (await native.query(bound)) as T[];
			} catch (error) {
				if (signal.aborted) throw new QueryCancelledError(signal.reason, false);
				throw error;
			} finally {
				signal.removeEventListener('abort', interrupt);
			}
		},
		async registerFile(name: string, bytes: Uint8Array | Blob) {
			if (name.includes('/') || name.includes('\\')) throw new Error(`bad file name ${name}`);
			const path = join(dir, name);
			writeFileSync(
				path,
				bytes instanceof Blob ? new Uint8Array(await bytes.arrayBuffer()) : bytes
			);
			return path;
		},
		async dropFile(name: string) {
			rmSync(join(dir, name), { force: true });
		},
		close() {
			native.close();
			if (!options.dir) rmSync(dir, { recursive: true, force: true });
		}
	};
}
