/**
 * Guess what an uploaded file is (indicator table or survey microdata) and what each column
 * means, from its header (English and Kiswahili) and what its rows hold. The person confirms
 * every guess on the roles screen; `validateRoles` says what is still missing.
 */
import type { ColumnAssignment, ColumnProfile, ColumnRole, DatasetKind, RoleGuess } from './types';
import { regionNameIndex, type Region } from '$lib/domain/regions';
import {
	areaCodesOf,
	DEFAULT_AREA_CODES,
	DHS_AREA_CODES,
	headerRole,
	headerWords,
	holdsAreaNumbers,
	holdsAreaWords,
	isBinary,
	isYearLike,
	mostlyNumeric,
	parseWideHeader,
	regionShare,
	yearFromFileName,
	type AreaCodes,
	type WideHeader
} from './columnClues';

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

/** The roles a column can take in each kind of file (besides 'ignore'), in the picker's order. */
export const ROLES_OF_KIND: Record<DatasetKind, readonly ColumnRole[]> = {
	indicators: ['region', 'area', 'year', 'indicator', 'value', 'lower', 'upper', 'wide-value'],
	microdata: ['region', 'area', 'year', 'weight', 'cluster', 'stratum', 'item']
};
/** Roles a file has at most one column of: all but wide values and items, which repeat. */
const SINGLE_ROLES: readonly ColumnRole[] = [
	...new Set([...ROLES_OF_KIND.indicators, ...ROLES_OF_KIND.microdata])
].filter((r) => r !== 'wide-value' && r !== 'item');
function detectPreset(profiles: ColumnProfile[]) {
	const names = new Set(profiles.map((p) => p.header.trim().toLowerCase()));
	return (
		DHS_PRESETS.find(({ prefix }) => names.has(`${prefix}024`) && names.has(`${prefix}005`)) ?? null
	);
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
		if (!holdsAreaWords(area.p)) {
			area.role = 'ignore';
			return DEFAULT_AREA_CODES;
		}
		return areaCodesOf(area.p);
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
