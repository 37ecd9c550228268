/**
 * Guess what an uploaded file is (indicator table or survey microdata) and what each column
 * means, from its header (English and Kiswahili) and what its rows hold. The person confirms
 * every guess on the roles screen; `validateRoles` says what is still missing.
 */
import type { ColumnAssignment, ColumnProfile, ColumnRole, DatasetKind, RoleGuess } from './types';
import { matchRegionName, regionNameIndex, type Region } from '$lib/domain/regions';
import { isAggregateName } from './regionMatch';

type Area = 'urban' | 'rural' | 'total';
type AreaCodes = RoleGuess['areaCodes'];
type WideHeader = { area: Area; year: number | null };

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

/**
 * DHS recode presets: variable names per file type. Cluster is the PSU variable (hv021/v021),
 * stratum the sampling-error strata (hv022/v022); weights are stored × 1,000,000.
 */
const DHS_PRESETS = [
	{ preset: 'dhs-household', prefix: 'hv' },
	{ preset: 'dhs-women', prefix: 'v' },
	{ preset: 'dhs-men', prefix: 'mv' }
] as const;
const DHS_ROLES: Record<string, ColumnRole> = {
	'024': 'region',
	'025': 'area',
	'005': 'weight',
	'021': 'cluster',
	'022': 'stratum'
};
const DHS_WEIGHT_DIVISOR = 1_000_000;

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
/** The roles a column can take in each kind of file (besides 'ignore'), in the picker's order. */
export const ROLES_OF_KIND: Record<DatasetKind, readonly ColumnRole[]> = {
	indicators: ['region', 'area', 'year', 'indicator', 'value', 'lower', 'upper', 'wide-value'],
	microdata: ['region', 'area', 'year', 'weight', 'cluster', 'stratum', 'item']
};
/** Roles a file has at most one column of: all but wide values and items, which repeat. */
const SINGLE_ROLES: readonly ColumnRole[] = [
	...new Set([...ROLES_OF_KIND.indicators, ...ROLES_OF_KIND.microdata])
].filter((r) => r !== 'wide-value' && r !== 'item');
/** The yes/no words the importer reads as 1/0. */
const YES_NO = new Set(['yes', 'no', 'y', 'n', 'ndiyo', 'hapana', 'true', 'false']);

function headerWords(header: string): string[] {
	return header
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w !== '');
}

function headerRole(header: string): ColumnRole | null {
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

/**
 * The examples, when none of them was cut (see ColumnProfile.examples); otherwise null. A text too
 * long to show whole is no code, year, area word or region name, so tests that every example is
 * one fail on null.
 */
function wholeExamples(p: ColumnProfile): string[] | null {
	return p.examples.some((_, i) => isCut(p, i)) ? null : p.examples;
}

const isCut = (p: ColumnProfile, i: number) =>
	(p.exampleLengths[i] ?? 0) > [...(p.examples[i] ?? '')].length;

const allNumeric = (p: ColumnProfile) => p.present > 0 && p.numeric === p.present;
const mostlyNumeric = (p: ColumnProfile) => p.numeric > 0 && p.numeric >= 0.5 * p.present;

/** A 0/1 column (or yes/no words), as survey items are coded. */
function isBinary(p: ColumnProfile): boolean {
	const examples = wholeExamples(p);
	if (p.present === 0 || p.distinct > 2 || examples === null) return false;
	if (allNumeric(p)) {
		const zeroOne = examples.every((e) => /^\s*[01](\.0*)?\s*$/.test(e));
		return zeroOne && p.min !== null && p.max !== null && p.min >= 0 && p.max <= 1;
	}
	return p.numeric === 0 && examples.every((e) => YES_NO.has(e.trim().toLowerCase()));
}

function isYearLike(p: ColumnProfile): boolean {
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

/** Every value is an area word, and at least one names urban or rural. */
function holdsAreaWords(p: ColumnProfile): boolean {
	const examples = wholeExamples(p);
	if (p.present === 0 || p.distinct > 4 || examples === null || examples.length < p.distinct) {
		return false;
	}
	const areas = examples.map((e) => areaOf(e, DEFAULT_AREA_CODES));
	return areas.every((a) => a !== null) && areas.some((a) => a !== 'total');
}

/** Numeric area codes: only 1 and 2 (and 3 for a total), read as DHS does (1 = urban). */
function holdsAreaNumbers(p: ColumnProfile): boolean {
	return (
		allNumeric(p) &&
		p.distinct <= 3 &&
		p.min !== null &&
		p.max !== null &&
		p.min >= 1 &&
		p.max <= 3 &&
		(wholeExamples(p)?.every((e) => /^\s*[123]\s*$/.test(e)) ?? false)
	);
}

/** Share of a column's examples that name a region, an island total or a zone. */
function regionShare(p: ColumnProfile, index: ReturnType<typeof regionNameIndex> | null): number {
	if (index === null || p.examples.length === 0) return 0;
	const known = p.examples.filter(
		(e, i) =>
			!isCut(p, i) && (matchRegionName(e, index).status !== 'unmatched' || isAggregateName(e))
	);
	return known.length / p.examples.length;
}

function detectPreset(profiles: ColumnProfile[]) {
	const names = new Set(profiles.map((p) => p.header.trim().toLowerCase()));
	return (
		DHS_PRESETS.find(({ prefix }) => names.has(`${prefix}024`) && names.has(`${prefix}005`)) ?? null
	);
}

/** A 4-digit year (or period) in a file name: "tz_dhs_2022.csv" → 2022, "TZHR82FL" → null. */
export function yearFromFileName(fileName: string): number | null {
	const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
	return periodEndYear(base.replace(/_/g, ' '));
}

/**
 * Guess the dataset kind and each column's role. `regions` (data/regions.csv) lets columns
 * without a telling header be recognised by their region names.
 */
export function guessRoles(
	profiles: ColumnProfile[],
	fileName: string,
	regions: readonly Region[] = []
): RoleGuess {
	const preset = detectPreset(profiles);
	if (preset) return dhsGuess(profiles, fileName, preset.preset, preset.prefix);

	const index = regions.length > 0 ? regionNameIndex(regions) : null;
	const cols: Column[] = profiles.map((p) => {
		const byHeader = p.present === 0 ? null : headerRole(p.header);
		// "value_2023" is a wide value too: the header names a year besides saying "value".
		const canBeWide = (byHeader === null || byHeader === 'value') && mostlyNumeric(p);
		return {
			p,
			byHeader,
			wide: canBeWide ? parseWideHeader(p.header) : null,
			binary: false,
			role: 'ignore'
		};
	});

	// The region column: a header that says so, else the column whose values are most region-like.
	let region = cols.find((c) => c.byHeader === 'region');
	if (!region) {
		let best = 0.6;
		for (const c of cols) {
			const share = c.byHeader === null && c.wide === null ? regionShare(c.p, index) : 0;
			if (share >= best) [best, region] = [share, c];
		}
	}
	const rowsPerRegion = region && region.p.distinct > 0 ? region.p.present / region.p.distinct : 0;
	for (const c of cols) c.binary = c !== region && c.byHeader === null && isBinary(c.p);

	// Evidence for each kind; ties go to indicator tables, the smaller and commoner upload.
	const has = (role: ColumnRole) => cols.some((c) => c.byHeader === role);
	let micro = 0;
	let table = 0;
	if (has('weight')) micro += 3;
	if (has('cluster')) micro += 1;
	if (has('stratum')) micro += 1;
	if (cols.some((c) => c.binary)) micro += 2;
	if (rowsPerRegion > 100) micro += 1;
	if (cols.some((c) => c.wide !== null)) table += 3;
	if (has('value')) table += 2;
	if (has('indicator')) table += 2;
	if (has('lower') || has('upper')) table += 1;
	if (has('year')) table += 1;
	if (region && rowsPerRegion <= 50) table += 1;
	const kind: DatasetKind = micro > table ? 'microdata' : 'indicators';

	for (const c of cols) c.role = roleOf(c, kind, c === region);
	const areaCodes = settleArea(cols, kind);

	// An indicator table without a value header: its first numeric, not year-like column.
	if (kind === 'indicators' && !cols.some((c) => c.role === 'value' || c.role === 'wide-value')) {
		const value = cols.find(
			(c) =>
				c.role === 'ignore' &&
				c.byHeader === null &&
				!c.binary &&
				mostlyNumeric(c.p) &&
				!isYearLike(c.p)
		);
		if (value) value.role = 'value';
	}

	const columns = finish(kind, cols);
	const wideValues = columns.filter((c) => c.role === 'wide-value');
	const yearKnown =
		columns.some((c) => c.role === 'year') ||
		(wideValues.length > 0 && wideValues.every((c) => c.wide?.year != null));
	return {
		kind,
		columns,
		weightDivisor: 1,
		areaCodes,
		preset: null,
		fixedYear: yearKnown ? null : yearFromFileName(fileName)
	};
}

/** One column while guessing: what its header says, what its values look like, the role so far. */
interface Column {
	p: ColumnProfile;
	byHeader: ColumnRole | null;
	wide: WideHeader | null;
	binary: boolean;
	role: ColumnRole;
}

function roleOf(c: Column, kind: DatasetKind, isRegion: boolean): ColumnRole {
	if (isRegion) return 'region';
	if (kind === 'indicators' && c.wide) return 'wide-value';
	if (c.byHeader === 'region') return 'ignore';
	if (c.byHeader !== null) return c.byHeader;
	if (c.p.present === 0) return 'ignore';
	if (holdsAreaWords(c.p)) return 'area';
	if (kind === 'indicators' && isYearLike(c.p)) return 'year';
	if (kind === 'microdata' && c.binary) return 'item';
	return 'ignore';
}

/** Settle the area column and how its codes read; may move roles between columns. */
function settleArea(cols: Column[], kind: DatasetKind): AreaCodes {
	const area = cols.find((c) => c.role === 'area');
	if (area) {
		if (holdsAreaNumbers(area.p)) {
			return {
				...DEFAULT_AREA_CODES,
				urban: [...DEFAULT_AREA_CODES.urban, '1'],
				rural: [...DEFAULT_AREA_CODES.rural, '2']
			};
		}
		// A header that says "area" over numbers that are no area codes (land area in km²) is not it.
		if (!holdsAreaWords(area.p)) area.role = 'ignore';
		return DEFAULT_AREA_CODES;
	}
	// Microdata often codes residence as an "urban" (or "rural") 0/1 column.
	if (kind === 'microdata') {
		const named = (c: Column) => headerWords(c.p.header).join(' ');
		const dummy = cols.find(
			(c) => c.binary && ['urban', 'mjini', 'rural', 'vijijini'].includes(named(c))
		);
		if (dummy) {
			dummy.role = 'area';
			return ['urban', 'mjini'].includes(named(dummy))
				? { urban: ['1'], rural: ['0'], total: [] }
				: { urban: ['0'], rural: ['1'], total: [] };
		}
	}
	return DEFAULT_AREA_CODES;
}

/** Keep roles of the chosen kind, one column per single role (the first), wide details attached. */
function finish(kind: DatasetKind, cols: Column[]): ColumnAssignment[] {
	const taken = new Set<ColumnRole>();
	return cols.map((c): ColumnAssignment => {
		let role = ROLES_OF_KIND[kind].includes(c.role) ? c.role : 'ignore';
		if (SINGLE_ROLES.includes(role)) {
			if (taken.has(role)) role = 'ignore';
			else taken.add(role);
		}
		if (role === 'wide-value' && c.wide) return { index: c.p.index, role, wide: c.wide };
		return { index: c.p.index, role };
	});
}

function dhsGuess(
	profiles: ColumnProfile[],
	fileName: string,
	preset: string,
	prefix: string
): RoleGuess {
	const columns = profiles.map((p): ColumnAssignment => {
		const name = p.header.trim().toLowerCase();
		const suffix = name.startsWith(prefix) ? name.slice(prefix.length) : '';
		// Own keys only: a header such as "vconstructor" must not reach Object's prototype.
		const role = Object.hasOwn(DHS_ROLES, suffix) ? DHS_ROLES[suffix] : undefined;
		if (role) return { index: p.index, role };
		return { index: p.index, role: isBinary(p) ? 'item' : 'ignore' };
	});
	return {
		kind: 'microdata',
		columns,
		weightDivisor: DHS_WEIGHT_DIVISOR,
		areaCodes: DHS_AREA_CODES,
		preset,
		fixedYear: yearFromFileName(fileName)
	};
}

/** Message keys `validateRoles` can return (each needs an English and a Kiswahili message). */
export const ROLE_PROBLEM_KEYS = [
	'upload_roles_missing_region',
	'upload_roles_missing_value',
	'upload_roles_missing_year',
	'upload_roles_missing_area',
	'upload_roles_missing_weight',
	'upload_roles_missing_item',
	'upload_roles_unpaired_bound',
	'upload_roles_repeated_role',
	'upload_roles_repeated_wide'
] as const;
export type RoleProblemKey = (typeof ROLE_PROBLEM_KEYS)[number];

/**
 * What the chosen roles still lack before the file can load, as message keys (empty when
 * complete). Indicator tables need a region, values and a year (a column, every wide header, or
 * a fixed year); microdata needs region, area, weight and at least one item. Roles of the other
 * kind are ignored, as the loader ignores them.
 */
export function validateRoles(
	kind: DatasetKind,
	columns: readonly ColumnAssignment[],
	fixedYear: number | null = null
): RoleProblemKey[] {
	const used = columns.filter((c) => ROLES_OF_KIND[kind].includes(c.role));
	const count = (role: ColumnRole) => used.filter((c) => c.role === role).length;
	const problems: RoleProblemKey[] = [];
	if (count('region') === 0) problems.push('upload_roles_missing_region');
	if (kind === 'indicators') {
		const wideValues = used.filter((c) => c.role === 'wide-value');
		if (count('value') === 0 && wideValues.length === 0)
			problems.push('upload_roles_missing_value');
		const everyWideHasYear =
			wideValues.length > 0 &&
			count('value') === 0 &&
			wideValues.every((c) => c.wide?.year != null);
		if (count('year') === 0 && fixedYear === null && !everyWideHasYear) {
			problems.push('upload_roles_missing_year');
		}
		if (count('lower') !== count('upper')) problems.push('upload_roles_unpaired_bound');
		const keys = wideValues.map((c) => `${c.wide?.area ?? 'total'}|${c.wide?.year ?? ''}`);
		if (new Set(keys).size < keys.length) problems.push('upload_roles_repeated_wide');
	} else {
		if (count('area') === 0) problems.push('upload_roles_missing_area');
		if (count('weight') === 0) problems.push('upload_roles_missing_weight');
		if (count('item') === 0) problems.push('upload_roles_missing_item');
	}
	if (SINGLE_ROLES.some((r) => count(r) > 1)) problems.push('upload_roles_repeated_role');
	return problems;
}
