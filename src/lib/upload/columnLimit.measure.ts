/**
 * How wide an upload can be: stages and profiles generated files of N columns with the app's own
 * SQL on native DuckDB (@duckdb/node-api) and on DuckDB-WASM (its Node build, the engine the page
 * runs) and prints the times. MAX_COLUMNS in readSql.ts was chosen from this. It takes minutes,
 * so it runs only when asked:
 *
 *   PENGO_MEASURE_COLUMNS=250,500,1000,2000,5000,10000 npx vitest run columnLimit.measure
 */
import { describe, expect, it } from 'vitest';
import { openNativeConnector } from '../../../tests/native-connector';
import { openWasmConnector } from '../../../tests/wasm-connector';
import type { Connector } from '$lib/db/connector';
import { profileColumns } from './importer';
import { datasetTables } from './importSql';
import { readRawQuery } from './readSql';
import { scanRecords } from './recordScan';
import { plainComma, wideCsv } from './wideFile.test-data';

const widths = (process.env.PENGO_MEASURE_COLUMNS ?? '')
	.split(',')
	.filter((w) => w.trim() !== '')
	.map(Number);
const rows = Number(process.env.PENGO_MEASURE_ROWS ?? 50);

const dialect = plainComma;

const wideFile = (columns: number) => wideCsv(columns, rows);

/** Stage as stageRaw does, without its column limit, so widths past the limit can be measured. */
async function stage(db: Connector, id: string, bytes: Uint8Array, columns: number) {
	const file = `${id}.csv`;
	const path = await db.registerFile(file, bytes);
	await db.query(
		readRawQuery(path, dialect, columns, datasetTables(id).raw, scanRecords(bytes, dialect))
	);
	await db.dropFile(file);
}

async function measure(engine: string, db: Connector, columns: number): Promise<string> {
	// The first statements of a fresh database are slow: warm it up on a small file first.
	await stage(db, 'warm', wideFile(10), 10);
	const bytes = wideFile(columns);
	const id = `m${columns}`;
	const headers = Array.from({ length: columns }, (_, i) => `col${i + 1}`);
	let started = performance.now();
	try {
		await stage(db, id, bytes, columns);
		const staged = performance.now() - started;
		started = performance.now();
		const profiles = await profileColumns(db, datasetTables(id).raw, columns, dialect, 1, headers);
		expect(profiles).toHaveLength(columns);
		const profiled = performance.now() - started;
		return `${engine}\t${columns}\tstage ${Math.round(staged)} ms\tprofile ${Math.round(profiled)} ms`;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return `${engine}\t${columns}\tfailed after ${Math.round(performance.now() - started)} ms: ${message.slice(0, 160)}`;
	}
}

describe('column limit measurement', () => {
	it('stages and profiles N columns on native DuckDB and DuckDB-WASM', async () => {
		const lines = [`engine\tcolumns\t(${rows} rows)`];
		for (const columns of widths) {
			// A fresh database per width: a failure (out of memory) must not spill into the next.
			const native = await openNativeConnector();
			lines.push(await measure('native', native, columns));
			native.close();
			lines.push(await measure('wasm', await openWasmConnector(), columns));
			console.log(lines.at(-2));
			console.log(lines.at(-1));
		}
		console.log(lines.join('\n'));
	}, 3_600_000);
});
