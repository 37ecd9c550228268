import { describe, expect, it } from 'vitest';
import type { ColumnProfile, RoleGuess } from './types';
import { guessUnit } from './unitGuess';

function profile(index: number, header: string, min: number | null, max: number | null) {
	return {
		index,
		header,
		label: header,
		present: 7,
		numeric: 7,
		leadingZero: 0,
		distinct: 7,
		examples: [],
		exampleLengths: [],
		firstNonNumeric: null,
		min,
		max
	} satisfies ColumnProfile;
}

function roles(...columns: [number, RoleGuess['columns'][number]['role']][]): RoleGuess {
	return {
		kind: 'indicators',
		columns: columns.map(([index, role]) => ({ index, role })),
		weightDivisor: 1,
		areaCodes: { urban: [], rural: [], total: [] },
		preset: null,
		fixedYear: null
	};
}

describe('guessUnit', () => {
	it('takes a TCRA table of subscriptions (up to 9,102,203) as counts, and says why', () => {
		const guess = guessUnit(
			[profile(1, 'region', null, null), profile(2, 'subscriptions', 1204, 9102203)],
			roles([1, 'region'], [2, 'value'])
		);
		expect(guess).toEqual({
			unit: 'count',
			evidence: { kind: 'above-100', column: 'subscriptions', max: 9102203 }
		});
	});

	it('takes values within 0–100 as percentages, naming their range', () => {
		const guess = guessUnit(
			[profile(2, 'value', 12.5, 87.2), profile(3, 'lower', 9.1, 80)],
			roles([2, 'value'], [3, 'lower'])
		);
		expect(guess).toEqual({
			unit: 'percent',
			evidence: { kind: 'within-0-100', min: 9.1, max: 87.2 }
		});
	});

	it('looks at every value column of a wide table, and at nothing else', () => {
		const guess = guessUnit(
			[
				profile(1, 'year', 2012, 2022),
				profile(2, 'urban_2022', 40, 90),
				profile(3, 'rural_2022', 5, 130)
			],
			roles([1, 'year'], [2, 'wide-value'], [3, 'wide-value'])
		);
		expect(guess.unit).toBe('count');
		expect(guess.evidence).toMatchObject({ column: 'rural_2022', max: 130 });
	});

	it('believes a header that says per 100, even past 100', () => {
		const guess = guessUnit([profile(2, 'SIMs per 100 people', 40, 131)], roles([2, 'value']));
		expect(guess).toEqual({
			unit: 'per100',
			evidence: { kind: 'header-per100', column: 'SIMs per 100 people' }
		});
	});

	it('falls back to percent with no evidence when there are no numbers', () => {
		expect(guessUnit([profile(2, 'value', null, null)], roles([2, 'value']))).toEqual({
			unit: 'percent',
			evidence: { kind: 'none' }
		});
	});
});
