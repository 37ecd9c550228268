/**
 * What a column's header (English and Kiswahili) and its profiled values say about what it holds:
 * header words, periods and years, area words and codes, yes/no items, region names. The role
 * guesses (roles.ts) weigh these clues.
 */
import type { ColumnProfile, ColumnRole, RoleGuess } from './types';
import { matchRegionName, type regionNameIndex } from '$lib/domain/regions';
import { isAggregateName } from './regionMatch';

export type Area = 'urban' | 'rural' | 'total';
export type AreaCodes = RoleGuess['areaCodes'];
export type WideHeader = { area: Area; year: number | null };

/** Years a survey or census table may plausibly report. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2035;

/** Words files use for the areas; compared as trimmed lower-case text. */
export const DEFAULT_AREA_CODES: AreaCodes = {
	urban: ['urban', 'u', 'mjini', 'mijini'],
	rural: ['rural', 'r', 'vijijini', 'kijijini'],
	total: ['total', 'jumla', 'all', 'both', 'national']
};

/** DHS recodes: hv025 / v025 are 1 = urban, 2 = rural (label text when exported with labels). */
export const DHS_AREA_CODES: AreaCodes = {
	urban: ['1', 'urban'],
	rural: ['2', 'rural'],
	total: []
};

/** Header words per role (after lower-casing and splitting on anything not a letter or digit). */
const HEADER_WORDS: [ColumnRole, string[]][] = [
	['lower', ['lower', 'low', 'lb', 'lcl', 'lo', 'chini']],
	['upper', ['upper', 'high', 'ub', 'ucl', 'hi', 'juu']],
	[
		'weight',
		['weight', 'weights', 'wt', 'wgt', 'pweight', 'hhweight', 'hhwt', 'pwt', 'perwt', 'uzito']
	],
	['cluster', ['cluster', 'clusters', 'psu', 'ea', 'eacode', 'clusterid']],
	['stratum', ['strata', 'stratum', 'strat', 'tabaka']],
	['region', ['region', 'regions', 'mkoa', 'mikoa', 'regname', 'regcode', 'admin1', 'adm1']],
	['area', ['area', 'residence', 'eneo', 'makazi', 'locality', 'urbanrural', 'ur']],
	['year', ['year', 'yr', 'mwaka', 'period', 'kipindi']],
	['indicator', ['indicator', 'indicators', 'kiashiria', 'viashiria', 'variable', 'measure']],
	['value', ['value', 'values', 'thamani', 'estimate', 'percent', 'percentage', 'pct', 'asilimia']]
];

/** The yes/no words the importer reads as 1/0. */
const YES_NO = new Set(['yes', 'no', 'y', 'n', 'ndiyo', 'hapana', 'true', 'false']);

export function headerWords(header: string): string[] {
	return header
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w !== '');
}

export function headerRole(header: string): ColumnRole | null {
	const words = headerWords(header);
	if (words.length === 0) return null;
	const has = (w: string) => words.includes(w);
	// "urban_rural", "mjini/vijijini": a column naming both areas holds the area.
	if ((has('urban') && has('rural')) || (has('mjini') && has('vijijini'))) return 'area';
	if (has('ci') && (has('l') || has('lower'))) return 'lower';
	if (has('ci') && (has('u') || has('h') || has('upper'))) return 'upper';
	for (const [role, list] of HEADER_WORDS) if (list.some(has)) return role;
	if (/weight$/.test(words.join(''))) return 'weight';
	return null;
}

/**
 * The end year of a period as written: "2022" → 2022, "2015-16" → 2016, "2012/13-2016/17" →
 * 2017, as data/indicators.csv maps `period` to `year`. A two-digit tail that is not the next
 * year is a month or quarter ("2022-06"), so the year stays. Null when no year in range is named.
 */
export function periodEndYear(text: string): number | null {
	let end: number | null = null;
	for (const m of text.matchAll(/(?<!\d)(\d{4})(?:\s*[-/–]\s*(\d{4}|\d{2}))?(?!\d)/g)) {
		const start = Number(m[1]);
		let year = start;
		const tail = m[2];
		if (tail?.length === 2 && Number(tail) === (start + 1) % 100) year = start + 1;
		if (tail?.length === 4 && Number(tail) > start && Number(tail) <= start + 10)
			year = Number(tail);
		if (year >= MIN_YEAR && year <= MAX_YEAR) end = year;
	}
	return end;
}

/**
 * The area and year a wide table's value header names: "urban_2022" → urban 2022, "Mjini 2022"
 * → urban 2022, "total 2015-16" → total 2016, "2022" → total 2022, "Rural" → rural, no year.
 * Null when the header names neither, or names both urban and rural.
 */
export function parseWideHeader(header: string): WideHeader | null {
	// Split "urban2022" too, so letters and digits count as separate words.
	const words = headerWords(
		header.replace(/(\p{L})(\d)/gu, '$1 $2').replace(/(\d)(\p{L})/gu, '$1 $2')
	);
	const named = (codes: string[]) => words.some((w) => codes.includes(w) && w.length > 1);
	const urban = named(DEFAULT_AREA_CODES.urban);
	const rural = named(DEFAULT_AREA_CODES.rural);
	const total = named(DEFAULT_AREA_CODES.total);
	if (urban && rural) return null;
	const year = periodEndYear(header);
	const area: Area | null = urban ? 'urban' : rural ? 'rural' : total ? 'total' : null;
	if (area === null && year === null) return null;
	return { area: area ?? 'total', year };
}

/**
 * Which area a cell means under the file's codes, compared as trimmed lower-case text (as the
 * import SQL compares them). Null when the text is no known code.
 */
export function areaOf(text: string, codes: AreaCodes): Area | null {
	const t = text.trim().toLowerCase();
	if (t === '') return null;
	const same = (code: string) => code.trim().toLowerCase() === t;
	if (codes.urban.some(same)) return 'urban';
	if (codes.rural.some(same)) return 'rural';
	if (codes.total.some(same)) return 'total';
	return null;
}

/** A value label with its code in front, as statistics packages export them: "1. Urban", "2 rural". */
const CODED_LABEL = /^\s*\d{1,2}\s*[.):]?\s+(?=\p{L})/u;

/** The area an area word names, also when its code is written in front ("1. Urban" → urban). */
export function areaWordOf(text: string): Area | null {
	return (
		areaOf(text, DEFAULT_AREA_CODES) ?? areaOf(text.replace(CODED_LABEL, ''), DEFAULT_AREA_CODES)
	);
}

/**
 * The area words, with each coded label the column's examples hold ("1. urban") added as written,
 * trimmed and lower-cased as the import compares them.
 */
export function areaCodesOf(p: ColumnProfile): AreaCodes {
	const codes: AreaCodes = {
		urban: [...DEFAULT_AREA_CODES.urban],
		rural: [...DEFAULT_AREA_CODES.rural],
		total: [...DEFAULT_AREA_CODES.total]
	};
	p.examples.forEach((e, i) => {
		if (isCut(p, i) || areaOf(e, DEFAULT_AREA_CODES) !== null) return;
		const area = areaWordOf(e);
		if (area !== null) codes[area].push(e.trim().toLowerCase());
	});
	return codes;
}

/**
 * The examples, when none of them was cut (see ColumnProfile.examples); otherwise null. A text too
 * long to show whole is no code, year, area word or region name, so tests that every example is
 * one fail on null.
 */
export function wholeExamples(p: ColumnProfile): string[] | null {
	return p.examples.some((_, i) => isCut(p, i)) ? null : p.examples;
}

export const isCut = (p: ColumnProfile, i: number) =>
	(p.exampleLengths[i] ?? 0) > [...(p.examples[i] ?? '')].length;

export const allNumeric = (p: ColumnProfile) => p.present > 0 && p.numeric === p.present;
export const mostlyNumeric = (p: ColumnProfile) => p.numeric > 0 && p.numeric >= 0.5 * p.present;

/** A 0/1 column (or yes/no words), as survey items are coded. */
export function isBinary(p: ColumnProfile): boolean {
	const examples = wholeExamples(p);
	if (p.present === 0 || p.distinct > 2 || examples === null) return false;
	if (allNumeric(p)) {
		const zeroOne = examples.every((e) => /^\s*[01](\.0*)?\s*$/.test(e));
		return zeroOne && p.min !== null && p.max !== null && p.min >= 0 && p.max <= 1;
	}
	return p.numeric === 0 && examples.every((e) => YES_NO.has(e.trim().toLowerCase()));
}

export function isYearLike(p: ColumnProfile): boolean {
	if (p.present === 0) return false;
	if (allNumeric(p)) {
		return (
			p.min !== null &&
			p.max !== null &&
			p.min >= MIN_YEAR &&
			p.max <= MAX_YEAR &&
			Number.isInteger(p.min) &&
			Number.isInteger(p.max)
		);
	}
	const examples = wholeExamples(p);
	return (
		examples !== null &&
		examples.length > 0 &&
		examples.every((e) => /^\s*\d{4}([-/]\d{2,4})?\s*$/.test(e) && periodEndYear(e) !== null)
	);
}

/**
 * Rows of an area column that may hold something no area code reads ("urbn", "99") while the
 * column is still guessed as the area: those rows are then rejected one by one, each naming its
 * row, column and value (judgeSql), instead of the whole column being dropped and every urban and
 * rural pair colliding as duplicates.
 */
export const AREA_STRAY_SHARE = 0.05;

/**
 * Whether examples that pass `isCode` cover all but AREA_STRAY_SHARE of the column's present rows,
 * counted with the profile's example counts; false when the profile has none.
 */
function mostRowsAre(p: ColumnProfile, isCode: (example: string) => boolean): boolean {
	const counts = p.exampleCounts;
	if (p.present === 0 || counts === undefined || counts.length !== p.examples.length) return false;
	const covered = p.examples.reduce(
		(sum, e, i) => (!isCut(p, i) && isCode(e) ? sum + (counts[i] ?? 0) : sum),
		0
	);
	return covered >= (1 - AREA_STRAY_SHARE) * p.present;
}

/**
 * Every value is an area word (or a coded label of one: "1. Urban"), and at least one names urban
 * or rural; or, with a few stray
 * values, area words fill all but AREA_STRAY_SHARE of the rows and both urban and rural occur.
 */
export function holdsAreaWords(p: ColumnProfile): boolean {
	const examples = wholeExamples(p);
	const areas = p.examples.map((e, i) => (isCut(p, i) ? null : areaWordOf(e)));
	const strict =
		p.present > 0 &&
		p.distinct <= 4 &&
		examples !== null &&
		examples.length >= p.distinct &&
		areas.every((a) => a !== null) &&
		areas.some((a) => a !== 'total');
	if (strict) return true;
	const both = areas.includes('urban') && areas.includes('rural');
	return both && mostRowsAre(p, (e) => areaWordOf(e) !== null);
}

const AREA_NUMBER = /^\s*[123]\s*$/;

/**
 * Numeric area codes: only 1 and 2 (and 3 for a total), read as DHS does (1 = urban); or, with a
 * few stray values, 1 and 2 both occur and the codes fill all but AREA_STRAY_SHARE of the rows.
 */
export function holdsAreaNumbers(p: ColumnProfile): boolean {
	const strict =
		allNumeric(p) &&
		p.distinct <= 3 &&
		p.min !== null &&
		p.max !== null &&
		p.min >= 1 &&
		p.max <= 3 &&
		(wholeExamples(p)?.every((e) => AREA_NUMBER.test(e)) ?? false);
	if (strict) return true;
	const codes = p.examples.map((e) => e.trim());
	return codes.includes('1') && codes.includes('2') && mostRowsAre(p, (e) => AREA_NUMBER.test(e));
}

/** Share of a column's examples that name a region, an island total or a zone. */
export function regionShare(
	p: ColumnProfile,
	index: ReturnType<typeof regionNameIndex> | null
): number {
	if (index === null || p.examples.length === 0) return 0;
	const known = p.examples.filter(
		(e, i) =>
			!isCut(p, i) && (matchRegionName(e, index).status !== 'unmatched' || isAggregateName(e))
	);
	return known.length / p.examples.length;
}

/** A 4-digit year (or period) in a file name: "tz_dhs_2022.csv" → 2022, "TZHR82FL" → null. */
export function yearFromFileName(fileName: string): number | null {
	const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
	return periodEndYear(base.replace(/_/g, ' '));
}
