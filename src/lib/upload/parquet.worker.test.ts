import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { handleRequest, type ParquetReply } from './parquet.worker';
import { parquetSniff, parquetTooManyCells } from './parquetDraft';
import { MAX_CELLS } from './uploadLimit';

let native: NativeConnector;
let file: File;
beforeAll(async () => {
	native = await openNativeConnector();
	const path = await native.registerFile('w.parquet', new Uint8Array());
	await native.query(`COPY (SELECT i AS id, 'r' || (i % 3) AS region, i / 4 AS share
		FROM range(6000) t(i)) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
	file = new File([readFileSync(path)], 'w.parquet');
});
afterAll(() => native.close());

/** The worker's replies to one request, the page answering every batch at once. */
async function replies(request: Parameters<typeof handleRequest>[0]): Promise<ParquetReply[]> {
	const out: ParquetReply[] = [];
	await handleRequest(
		request,
		(reply) => out.push(reply),
		async () => {}
	);
	return out;
}

describe('the Parquet worker', () => {
	it('answers with the footer and the first rows as staged, for step 2', async () => {
		const [reply] = await replies({ type: 'facts', source: file });
		if (reply?.type !== 'done' || !reply.result) throw new Error(JSON.stringify(reply));
		const { facts, rows } = reply.result;
		expect(facts.names).toEqual(['id', 'region', 'share']);
		expect(facts.rows).toBe(6000);
		expect(facts.rowGroups.reduce((a, b) => a + b, 0)).toBe(6000);
		expect(rows).toHaveLength(20);
		expect(rows[1]).toEqual(['1', 'r1', '0.25']);
		const sniff = parquetSniff(reply.result);
		expect(sniff).toMatchObject({ columns: 3, header: ['id', 'region', 'share'], empty: null });
		expect(sniff.rowNumbers.slice(0, 2)).toEqual([2, 3]);
		expect(parquetTooManyCells('w.parquet', reply.result)).toBeNull();
		const huge = { ...reply.result, facts: { ...facts, rows: MAX_CELLS / 3 + 1 } };
		expect(parquetTooManyCells('w.parquet', huge)).toMatchObject({
			kind: 'too-many-cells',
			detail: JSON.stringify({ rows: MAX_CELLS / 3 + 1, columns: 3, estimated: false })
		});
	});

	it('sends the rows as Arrow batches, one row group at a time, then done', async () => {
		const out = await replies({
			type: 'rows',
			source: file,
			indices: [1],
			rowStart: 0,
			rowEnd: 6000
		});
		const batches = out.filter((r) => r.type === 'batch');
		expect(batches.length).toBeGreaterThan(1);
		expect(batches.at(-1)).toMatchObject({ rowsDone: 6000 });
		expect(out.at(-1)).toEqual({ type: 'done', result: null });
	});

	it('names what went wrong with a file that is not Parquet', async () => {
		const out = await replies({ type: 'facts', source: new File(['a,b\n1,2\n'], 'x.parquet') });
		expect(out).toEqual([{ type: 'error', message: expect.stringMatching(/parquet/i) }]);
	});
});
