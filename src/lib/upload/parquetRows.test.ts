import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { openWasmConnector } from '../../../tests/wasm-connector';
import type { Connector } from '$lib/db/connector';
import { datasetTables } from './importSql';
import { stageParquet } from './parquet';
import { batchIPC, blobBuffer, readFacts, readTextBatches } from './parquetRows';
import { stageParquetRows } from './parquetStage';

let native: NativeConnector;
let wasm: Connector & { close(): void };
beforeAll(async () => {
	native = await openNativeConnector();
	wasm = await openWasmConnector();
});
afterAll(() => {
	native.close();
	wasm.close();
});

/** 5,000 rows of every type an analyst's file holds, some null, written by native DuckDB. */
const TYPED = `SELECT
	i AS id,
	CASE WHEN i % 5 = 0 THEN NULL ELSE (i * 7919) % 100000 - 50000 END::INTEGER AS i32,
	(i - 2500)::BIGINT * 123456789012345 AS i64,
	CASE i % 9 WHEN 0 THEN 100.0 WHEN 1 THEN 1e20 WHEN 2 THEN 1e-7 WHEN 3 THEN -0.0
		WHEN 4 THEN 1e16 WHEN 5 THEN 123456.789 WHEN 6 THEN NULL ELSE i / 7.0 END::DOUBLE AS dbl,
	(i / 3.0)::FLOAT AS flt,
	CASE i % 4 WHEN 0 THEN 'Dar es Salaam' WHEN 1 THEN 'Kaskazini Unguja' WHEN 2 THEN 'Mbeya' ELSE NULL END AS region,
	CASE WHEN i % 11 = 0 THEN '' ELSE 'text ' || i || ' "quoted", ñ ü 🙂' END AS note,
	DATE '1969-12-25' + i::INTEGER AS day,
	TIMESTAMP '2022-08-23 10:11:12' + INTERVAL (i * 1234567) MICROSECOND AS ts,
	i % 3 = 0 AS flag,
	(i * 1.25)::DECIMAL(10, 2) AS price,
	CASE WHEN i % 2 = 0 THEN 'urban' ELSE 'rural' END AS area
FROM range(5000) t(i)`;

/** A fixture's path in the native engine's folder, written with these COPY options. */
async function writeFixture(name: string, select: string, options: string): Promise<string> {
	const path = (await native.registerFile(name, new Uint8Array())).toString();
	await native.query(`COPY (${select}) TO '${path}' (FORMAT parquet, ${options})`);
	return path;
}

/** The raw table native DuckDB's read_parquet stages, and the one the page stages, row by row. */
async function bothTables(path: string, id: string) {
	await stageParquet(native, { id, fileName: 'f.parquet' }, { path });
	const bytes = readFileSync(path);
	const file = blobBuffer(new Blob([bytes]));
	const { metadata, facts } = await readFacts(file);
	await stageParquetRows(wasm, { id, fileName: 'f.parquet' }, facts.names, (insert) =>
		readTextBatches(file, metadata, { rowStart: 0, rowEnd: facts.rows, indices: null }, (batch) =>
			insert(batchIPC(batch))
		)
	);
	const sql = `SELECT * FROM ${datasetTables(id).raw} ORDER BY __row`;
	return { facts, expected: await native.query(sql), actual: await wasm.query(sql) };
}

describe('a Parquet file read in the page', () => {
	it.each([
		['snappy', 'COMPRESSION snappy, ROW_GROUP_SIZE 2048'],
		['zstd', 'COMPRESSION zstd, ROW_GROUP_SIZE 2048'],
		['gzip', 'COMPRESSION gzip'],
		['uncompressed', 'COMPRESSION uncompressed, ROW_GROUP_SIZE 4096']
	])(
		'stages the raw table native DuckDB stages (%s, several row groups)',
		async (compression, options) => {
			const path = await writeFixture(`typed-${compression}.parquet`, TYPED, options);
			const { facts, expected, actual } = await bothTables(path, `pq_${compression}`);
			expect(facts.rows).toBe(5000);
			if (compression !== 'gzip') expect(facts.rowGroups.length).toBeGreaterThan(1);
			expect(actual).toHaveLength(5001);
			for (let i = 0; i < expected.length; i += 1) expect(actual[i]).toEqual(expected[i]);
		}
	);

	it('stages rarer types as native DuckDB does (time zones, ns, time, lists, structs)', async () => {
		const select = `SELECT
	TIMESTAMPTZ '2022-01-01 10:00:00' + INTERVAL (i * 1500) MILLISECOND AS tz,
	TIMESTAMP_MS '2022-01-01 10:00:00.5' AS ms,
	TIMESTAMP_NS '2022-01-01 10:00:00.123456789' AS ns,
	TIME '10:11:12.5' + INTERVAL (i) SECOND AS tm,
	CASE WHEN i % 3 = 0 THEN NULL ELSE [i, i + 1] END AS l,
	{'a': i, 'b': 'x' || i} AS s,
	(i % 100)::TINYINT AS ti,
	(i * 1000000007)::UBIGINT AS ub,
	DATE '0001-01-01' - (i * 1000)::INTEGER AS old_day
FROM range(300) t(i)`;
		const path = await writeFixture('rare.parquet', select, 'COMPRESSION snappy');
		const { expected, actual } = await bothTables(path, 'pq_rare');
		expect(actual).toEqual(expected);
	});

	it('writes values as DuckDB casts them (hand-checked rows)', async () => {
		const path = await writeFixture('few.parquet', `${TYPED} LIMIT 12`, 'COMPRESSION zstd');
		const { actual } = await bothTables(path, 'pq_few');
		expect(actual[0]).toMatchObject({ __row: 1, __fields: 12, c1: 'id', c2: 'i32', c4: 'dbl' });
		expect(actual[2]).toMatchObject({
			__row: 3,
			c2: '-42081',
			c3: '-308518515741850155', // (1 − 2500) × 123456789012345: beyond 2^53, exact
			c4: '1e+20',
			c5: '0.33333334',
			c6: 'Kaskazini Unguja',
			c8: '1969-12-26',
			c9: '2022-08-23 10:11:13.234567',
			c10: 'false',
			c11: '1.25'
		});
		expect(actual[1]).toMatchObject({
			c2: '',
			c4: '100.0',
			c6: 'Dar es Salaam',
			c7: '',
			c10: 'true'
		});
		expect(actual[4]).toMatchObject({ c4: '0.0', c6: '' }); // SQL's -0.0 is a plain zero
		expect(actual[5]).toMatchObject({ c4: '1e+16' });
	});
});
