import { tableFromArrays, tableFromJSON } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { plainRows, type ArrowRows } from './arrowRows';

describe('plainRows', () => {
	it('reads each column into plain rows, in schema order, nulls kept', () => {
		const table = tableFromJSON([
			{ region: 'Mwanza', share: 61.2, n: 10 },
			{ region: null, share: null, n: 3 },
			{ region: 'Kigoma', share: 20.5, n: null }
		]);
		expect(plainRows(table as unknown as ArrowRows)).toEqual([
			{ region: 'Mwanza', share: 61.2, n: 10 },
			{ region: null, share: null, n: 3 },
			{ region: 'Kigoma', share: 20.5, n: null }
		]);
		expect(Object.keys(plainRows(table as unknown as ArrowRows)[0]!)).toEqual([
			'region',
			'share',
			'n'
		]);
	});

	it('turns 64-bit integers into numbers', () => {
		const table = tableFromArrays({ big: BigInt64Array.from([1n, 9007199254740991n]) });
		expect(plainRows(table as unknown as ArrowRows)).toEqual([
			{ big: 1 },
			{ big: 9007199254740991 }
		]);
	});

	it('gives an empty list for a result with no rows', () => {
		const table = tableFromArrays({ a: Float64Array.from([]) });
		expect(plainRows(table as unknown as ArrowRows)).toEqual([]);
	});
});
