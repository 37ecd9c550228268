import { describe, expect, it } from 'vitest';
import { because } from './evidence';
import { pageRange, problemGroups, sampleOddRecords, structuralGroups } from './problemGroups';
import type { UploadProblem } from './types';

describe('problemGroups', () => {
	it('puts the structural kinds first, then row errors, then warnings, and drops empty kinds', () => {
		expect(
			problemGroups({
				'repeated-row': 198,
				'missing-value': 3,
				'conflicting-duplicate': 1,
				'ragged-row': 2,
				'unknown-region': 0,
				'unterminated-quote': 1,
				'not-number': 4
			})
		).toEqual(
			[
				['unterminated-quote', 1],
				['ragged-row', 2],
				['conflicting-duplicate', 1],
				['not-number', 4],
				['repeated-row', 198],
				['missing-value', 3]
			].map(([kind, count]) => ({ kind, count }))
		);
	});

	it('is empty for a clean file', () => {
		expect(problemGroups({})).toEqual([]);
	});
});

describe('structuralGroups', () => {
	it('counts only ragged rows and broken quotes, quotes first', () => {
		const p = (kind: UploadProblem['kind'], row: number): UploadProblem => ({
			file: 'f.csv',
			row,
			kind,
			severity: 'warning'
		});
		expect(
			structuralGroups([
				p('ragged-row', 3),
				p('missing-value', 4),
				p('ragged-row', 9),
				p('unterminated-quote', 12)
			])
		).toEqual([
			{ kind: 'unterminated-quote', count: 1 },
			{ kind: 'ragged-row', count: 2 }
		]);
	});
});

describe('pageRange', () => {
	it('pages 199 problems by 50: 1–50, 51–100, …, 151–199', () => {
		expect(pageRange(199, 0)).toEqual({
			page: 0,
			pages: 4,
			offset: 0,
			first: 1,
			last: 50,
			total: 199
		});
		expect(pageRange(199, 1)).toMatchObject({ first: 51, last: 100 });
		expect(pageRange(199, 3)).toMatchObject({ page: 3, offset: 150, first: 151, last: 199 });
	});

	it('clamps a page beyond either end', () => {
		expect(pageRange(199, 9)).toMatchObject({ page: 3, first: 151, last: 199 });
		expect(pageRange(199, -2)).toMatchObject({ page: 0, first: 1, last: 50 });
	});

	it('has one empty page for no problems, and exactly full pages at a multiple of the size', () => {
		expect(pageRange(0, 0)).toEqual({ page: 0, pages: 1, offset: 0, first: 0, last: 0, total: 0 });
		expect(pageRange(100, 1)).toMatchObject({ pages: 2, first: 51, last: 100 });
		expect(pageRange(7, 0, 3)).toMatchObject({ pages: 3, first: 1, last: 3 });
	});
});

describe('sampleOddRecords', () => {
	const delimiter = (matching: number, rows: number) =>
		because('delimiter', { delimiter: ',', matching, rows, fields: 5 });

	it('counts the sample records that do not have the usual number of fields', () => {
		expect(
			sampleOddRecords([because('encoding', { encoding: 'utf-8' }), delimiter(263, 265)])
		).toEqual({ odd: 2, records: 265, fields: 5 });
	});

	it('is null when every record agrees, or without the sniff’s evidence', () => {
		expect(sampleOddRecords([delimiter(265, 265)])).toBeNull();
		expect(sampleOddRecords([])).toBeNull();
	});
});
