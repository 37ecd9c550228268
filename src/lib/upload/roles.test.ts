import { describe, expect, it } from 'vitest';
import { bundledRegions, readDataCsv } from './regions.test-data';
import type { ColumnAssignment, ColumnProfile } from './types';
import {
	DEFAULT_AREA_CODES,
	DHS_AREA_CODES,
	areaOf,
	parseWideHeader,
	periodEndYear,
	yearFromFileName
} from './columnClues';
import { ROLE_PROBLEM_KEYS, guessRoles, validateRoles } from './roles';

const regions = bundledRegions;

/** The roles guessed for a file of these columns, named `file`, against the real regions. */
const guessFile = (file: string, ...cols: Omit<ColumnProfile, 'index'>[]) =>
	guessRoles(table(...cols), file, regions);

/** A column profile as the profiler would write it for a column holding `examples`. */
function column(
	header: string,
	examples: string[],
	opts: { present?: number; distinct?: number } = {}
): Omit<ColumnProfile, 'index'> {
	const numbers = examples.map(Number).filter((n, i) => examples[i]?.trim() !== '' && !isNaN(n));
	const present = opts.present ?? 1000;
	const numeric = numbers.length === examples.length ? present : 0;
	return {
		header,
		label: header,
		present,
		numeric,
		leadingZero: 0,
		distinct: opts.distinct ?? examples.length,
		examples,
		exampleLengths: examples.map((e) => [...e].length),
		firstNonNumeric: null,
		min: numeric ? Math.min(...numbers) : null,
		max: numeric ? Math.max(...numbers) : null
	};
}
const table = (...cols: Omit<ColumnProfile, 'index'>[]): ColumnProfile[] =>
	cols.map((c, i) => ({ ...c, index: i + 1 }));
const rolesOf = (columns: ColumnAssignment[]) => columns.map((c) => c.role);

const regionNames = ['Dodoma', 'Arusha', 'Kilimanjaro', 'Tanga', 'Morogoro', 'Pwani', 'Lindi'];
const dhsRegionCodes = ['1', '2', '3', '4', '5', '6', '7', '8'];

describe('periodEndYear', () => {
	it.each([
		['2022', 2022],
		['2015-16', 2016],
		['2015/16', 2016],
		['1999-00', 2000],
		['2022-06', 2022],
		['2024-Q1', 2024],
		['2012/13-2016/17', 2017],
		['2010-2015', 2015],
		['1850', null],
		['2099', null],
		['20221', null],
		['no year', null]
	])('%s → %s', (text, year) => {
		expect(periodEndYear(text)).toBe(year);
	});

	it('maps every period of the bundled indicators to the year data/indicators.csv gives it', () => {
		const pairs = new Map(
			readDataCsv('indicators.csv').map((r) => [r.period ?? '', Number(r.year)])
		);
		expect(pairs.size).toBeGreaterThan(5);
		for (const [period, year] of pairs) expect(periodEndYear(period), period).toBe(year);
	});
});

describe('parseWideHeader', () => {
	it.each([
		['urban_2022', { area: 'urban', year: 2022 }],
		['Rural 2022', { area: 'rural', year: 2022 }],
		['mjini_2022', { area: 'urban', year: 2022 }],
		['Vijijini-2015/16', { area: 'rural', year: 2016 }],
		['total_2015-16', { area: 'total', year: 2016 }],
		['Jumla 2022', { area: 'total', year: 2022 }],
		['urban2022', { area: 'urban', year: 2022 }],
		['2022', { area: 'total', year: 2022 }],
		['value_2023', { area: 'total', year: 2023 }],
		['Urban', { area: 'urban', year: null }],
		['MIJINI', { area: 'urban', year: null }]
	] as const)('%s → %o', (header, expected) => {
		expect(parseWideHeader(header)).toEqual(expected);
	});

	it.each(['region', 'value', 'urban_rural', 'hv024', 'v005', '', 'hh_size'])(
		'%s names no area and year',
		(header) => {
			expect(parseWideHeader(header)).toBeNull();
		}
	);
});

describe('areaOf', () => {
	it('reads area words, trimmed and in any case', () => {
		expect(areaOf(' Urban ', DEFAULT_AREA_CODES)).toBe('urban');
		expect(areaOf('MJINI', DEFAULT_AREA_CODES)).toBe('urban');
		expect(areaOf('U', DEFAULT_AREA_CODES)).toBe('urban');
		expect(areaOf('vijijini', DEFAULT_AREA_CODES)).toBe('rural');
		expect(areaOf('Jumla', DEFAULT_AREA_CODES)).toBe('total');
		expect(areaOf('1', DEFAULT_AREA_CODES)).toBeNull();
		expect(areaOf('', DEFAULT_AREA_CODES)).toBeNull();
		expect(areaOf('suburban', DEFAULT_AREA_CODES)).toBeNull();
	});

	it('reads DHS codes as text, as the import SQL does', () => {
		expect(areaOf('1', DHS_AREA_CODES)).toBe('urban');
		expect(areaOf(' 2 ', DHS_AREA_CODES)).toBe('rural');
		expect(areaOf('1.0', DHS_AREA_CODES)).toBeNull();
		expect(areaOf('Urban', DHS_AREA_CODES)).toBe('urban');
		expect(areaOf('3', DHS_AREA_CODES)).toBeNull();
		expect(areaOf('mjini', DHS_AREA_CODES)).toBeNull();
	});
});

describe('yearFromFileName', () => {
	it.each([
		['TZHR82FL.CSV', null],
		['TZIR7BFL.csv', null],
		['tz_dhs_2022.csv', 2022],
		['census2012.csv', 2012],
		['C:\\data\\2019\\tcra-2023.csv', 2023],
		['dhs 2015-16 women.tsv', 2016],
		['regions.csv', null]
	])('%s → %s', (name, year) => {
		expect(yearFromFileName(name)).toBe(year);
	});
});

describe('guessRoles: DHS recodes', () => {
	const household = table(
		column('hhid', ['  1  1', '  1  2'], { distinct: 9000 }),
		column('hv001', dhsRegionCodes, { distinct: 629 }),
		column('hv005', ['1023456', '874001', '2310000'], { distinct: 600 }),
		column('hv021', dhsRegionCodes, { distinct: 629 }),
		column('hv022', dhsRegionCodes, { distinct: 62 }),
		column('hv024', dhsRegionCodes, { distinct: 31 }),
		column('hv025', ['2', '1']),
		column('hv243a', ['1', '0']),
		column('hv206', ['0', '1']),
		column('hv009', ['4', '5', '3', '6', '2', '7', '1', '8'], { distinct: 20 })
	);

	it('recognises the household file', () => {
		const guess = guessRoles(household, 'TZHR82FL.CSV');
		expect(guess).toMatchObject({
			kind: 'microdata',
			preset: 'dhs-household',
			weightDivisor: 1_000_000,
			areaCodes: DHS_AREA_CODES,
			fixedYear: null
		});
		expect(rolesOf(guess.columns)).toEqual([
			'ignore',
			'ignore',
			'weight',
			'cluster',
			'stratum',
			'region',
			'area',
			'item',
			'item',
			'ignore'
		]);
		expect(guess.columns.map((c) => c.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(validateRoles(guess.kind, guess.columns)).toEqual([]);
	});

	it('recognises the women’s file in upper case, with the year from its name', () => {
		const women = table(
			column('V024', dhsRegionCodes, { distinct: 31 }),
			column('V025', ['1', '2']),
			column('V005', ['1023456', '874001']),
			column('V021', dhsRegionCodes),
			column('V022', dhsRegionCodes),
			column('V169A', ['yes', 'no']),
			column('V012', ['15', '49'], { distinct: 35 })
		);
		const guess = guessRoles(women, 'tz_dhs_2022.csv');
		expect(guess.preset).toBe('dhs-women');
		expect(guess.fixedYear).toBe(2022);
		expect(rolesOf(guess.columns)).toEqual([
			'region',
			'area',
			'weight',
			'cluster',
			'stratum',
			'item',
			'ignore'
		]);
	});

	it('does not let header text reach object prototypes', () => {
		const odd = table(
			column('v024', dhsRegionCodes),
			column('v005', ['1000000']),
			column('vconstructor', ['a', 'b', 'c'])
		);
		expect(rolesOf(guessRoles(odd, 'x.csv').columns)).toEqual(['region', 'weight', 'ignore']);
	});
});

describe('guessRoles: indicator tables', () => {
	it('reads a long table with English headers', () => {
		const guess = guessFile(
			'my_table_2019.csv',
			column('Region', regionNames, { present: 310, distinct: 31 }),
			column('Area', ['Urban', 'Rural', 'Total']),
			column('indicator_id', ['women_mobile_phone']),
			column('Year', ['2016', '2022']),
			column('Value', ['71.0', '85.0']),
			column('ci_low', ['65.9']),
			column('CI upper', ['75.6'])
		);
		expect(guess.kind).toBe('indicators');
		expect(rolesOf(guess.columns)).toEqual([
			'region',
			'area',
			'indicator',
			'year',
			'value',
			'lower',
			'upper'
		]);
		expect(guess.fixedYear).toBeNull();
		expect(guess.weightDivisor).toBe(1);
		expect(guess.preset).toBeNull();
		expect(validateRoles(guess.kind, guess.columns)).toEqual([]);
	});

	it('reads Kiswahili headers', () => {
		const guess = guessFile(
			'takwimu.csv',
			column('Mkoa', regionNames, { present: 93, distinct: 31 }),
			column('Makazi', ['Mjini', 'Vijijini', 'Jumla']),
			column('Mwaka', ['2022']),
			column('Thamani', ['45.3', '12.0'])
		);
		expect(guess.kind).toBe('indicators');
		expect(rolesOf(guess.columns)).toEqual(['region', 'area', 'year', 'value']);
		expect(areaOf('Vijijini', guess.areaCodes)).toBe('rural');
	});

	it('reads a wide table: area and year from each header', () => {
		const guess = guessFile(
			'wide.csv',
			column('region', regionNames, { present: 31, distinct: 31 }),
			column('urban_2022', ['80.1', '75.3']),
			column('rural_2022', ['40.2']),
			column('total 2015-16', ['55.0'])
		);
		expect(guess.kind).toBe('indicators');
		expect(guess.columns).toEqual([
			{ index: 1, role: 'region' },
			{ index: 2, role: 'wide-value', wide: { area: 'urban', year: 2022 } },
			{ index: 3, role: 'wide-value', wide: { area: 'rural', year: 2022 } },
			{ index: 4, role: 'wide-value', wide: { area: 'total', year: 2016 } }
		]);
		expect(guess.fixedYear).toBeNull();
		expect(validateRoles(guess.kind, guess.columns)).toEqual([]);
	});

	it('takes the year from the file name when wide headers name none', () => {
		const guess = guessFile(
			'tcra_2023.csv',
			column('Mkoa', regionNames, { present: 31, distinct: 31 }),
			column('Mjini', ['120', '98']),
			column('Vijijini', ['40']),
			column('Jumla', ['160'])
		);
		expect(guess.columns.map((c) => c.wide?.area)).toEqual([undefined, 'urban', 'rural', 'total']);
		expect(guess.fixedYear).toBe(2023);
		expect(validateRoles(guess.kind, guess.columns)).toEqual(['upload_roles_missing_year']);
		expect(validateRoles(guess.kind, guess.columns, guess.fixedYear)).toEqual([]);
	});

	it('recognises columns without headers by their values', () => {
		const guess = guessFile(
			'export.csv',
			column('', ['Dodoma', 'Dar-es-salaam', 'Unguja', 'Coast', 'DODOMA'], {
				present: 62,
				distinct: 31
			}),
			column('', ['2016', '2022']),
			column('', ['Urban', 'Rural']),
			column('', ['71.0', '65.2', '12.5'])
		);
		expect(guess.kind).toBe('indicators');
		expect(rolesOf(guess.columns)).toEqual(['region', 'year', 'area', 'value']);
	});

	it('does not read a land area in km² as the urban/rural area', () => {
		const guess = guessFile(
			'x_2022.csv',
			column('Region', regionNames, { present: 31, distinct: 31 }),
			column('Area', ['41311', '37576', '13250'], { distinct: 31 }),
			column('Value', ['12.1'])
		);
		expect(rolesOf(guess.columns)).toEqual(['region', 'ignore', 'value']);
		expect(guess.fixedYear).toBe(2022);
	});
});

/** A column whose rows hold `counts` (text → rows), profiled with example counts, most first. */
function counted(header: string, counts: Record<string, number>): Omit<ColumnProfile, 'index'> {
	const top = Object.entries(counts).sort(([, a], [, b]) => b - a);
	const examples = top.map(([v]) => v);
	const present = top.reduce((sum, [, k]) => sum + k, 0);
	const numbers = examples.map(Number).filter((n) => !isNaN(n));
	const numericRows = top.filter(([v]) => !isNaN(Number(v))).reduce((sum, [, k]) => sum + k, 0);
	return {
		...column(header, examples, { present, distinct: examples.length }),
		numeric: numericRows,
		min: numbers.length > 0 ? Math.min(...numbers) : null,
		max: numbers.length > 0 ? Math.max(...numbers) : null,
		exampleCounts: top.map(([, k]) => k)
	};
}

describe('guessRoles: an area column with a stray value (issue #13)', () => {
	// 1,472 rows: 736 urban, 735 rural and one typo. Dropping the column made every urban/rural
	// pair a duplicate key; keeping it rejects the one row whose area is no code.
	const regionCol = column('region', regionNames, { present: 1472, distinct: 23 });
	const valueCol = column('value', ['45.3', '12.0'], { present: 1472, distinct: 900 });

	it.each([
		['urbn', { urban: 736, rural: 735, urbn: 1 }],
		['99 in words', { Urban: 736, Rural: 735, '99': 1 }],
		['Kiswahili', { Mjini: 736, Vijijini: 735, Mjni: 1 }]
	])('keeps a header-named area column of words: %s', (_, counts) => {
		const guess = guessFile('t_2022.csv', regionCol, counted('area', counts), valueCol);
		expect(rolesOf(guess.columns)).toEqual(['region', 'area', 'value']);
	});

	it('finds an area column of words with no telling header', () => {
		const guess = guessFile(
			't_2022.csv',
			regionCol,
			counted('type', { urban: 736, rural: 735, urbn: 1 }),
			valueCol
		);
		expect(rolesOf(guess.columns)).toEqual(['region', 'area', 'value']);
	});

	it('keeps 1/2 residence codes with a stray 99, reading 1 as urban', () => {
		const guess = guessFile(
			'survey_2022.csv',
			column('region', regionNames, { present: 1472, distinct: 23 }),
			counted('residence', { '1': 736, '2': 735, '99': 1 }),
			column('weight', ['1.1', '0.9'], { present: 1472 }),
			column('owns_phone', ['0', '1'], { present: 1472 })
		);
		expect(rolesOf(guess.columns)).toEqual(['region', 'area', 'weight', 'item']);
		expect(areaOf('1', guess.areaCodes)).toBe('urban');
		expect(areaOf('2', guess.areaCodes)).toBe('rural');
		expect(areaOf('99', guess.areaCodes)).toBeNull();
	});

	it('allows strays up to 5% of the rows, and no more', () => {
		const at = (bad: number) =>
			rolesOf(
				guessFile(
					't_2022.csv',
					regionCol,
					counted('area', { urban: 500 - bad / 2, rural: 500 - bad / 2, town: bad }),
					valueCol
				).columns
			)[1];
		expect(at(50)).toBe('area'); // 950 of 1,000 rows are area words: 5% stray
		expect(at(52)).toBe('ignore'); // 948 of 1,000: too many
	});

	it('reads 1/2 codes written with their labels ("1. Urban"), a stray one rejected', () => {
		const guess = guessFile(
			't_2022.csv',
			regionCol,
			counted('residence', { '1. Urban': 736, '2. Rural': 735, '9. Missing': 1 }),
			valueCol
		);
		expect(rolesOf(guess.columns)).toEqual(['region', 'area', 'value']);
		expect(areaOf('1. Urban', guess.areaCodes)).toBe('urban');
		expect(areaOf(' 2. rural ', guess.areaCodes)).toBe('rural');
		expect(areaOf('9. Missing', guess.areaCodes)).toBeNull();
		expect(areaOf('Urban', guess.areaCodes)).toBe('urban');
		const plain = guessFile('t.csv', regionCol, column('x', ['1 urban', '2 rural']), valueCol);
		expect(rolesOf(plain.columns)).toEqual(['region', 'area', 'value']);
		expect(areaOf('2 rural', plain.areaCodes)).toBe('rural');
	});

	it('does not take a column naming only one area among other words', () => {
		const guess = guessFile(
			't_2022.csv',
			regionCol,
			counted('settlement', { urban: 1400, city: 72 }),
			valueCol
		);
		expect(rolesOf(guess.columns)).toEqual(['region', 'ignore', 'value']);
	});
});

describe('guessRoles: own survey microdata', () => {
	it('finds region by its names, 1/2 residence, weight, design and items', () => {
		const guess = guessFile(
			'field_survey_2024.csv',
			column('hh_id', ['1', '2', '3'], { distinct: 12000 }),
			column('location', regionNames, { present: 12000, distinct: 31 }),
			column('residence', ['1', '2']),
			column('wt', ['0.82', '1.13', '0.97'], { distinct: 900 }),
			column('PSU', ['101', '102'], { distinct: 400 }),
			column('strata', ['1', '2', '3'], { distinct: 62 }),
			column('has_phone', ['1', '0']),
			column('uses_internet', ['No', 'Yes']),
			column('age', ['34', '21', '56'], { distinct: 70 })
		);
		expect(guess.kind).toBe('microdata');
		expect(rolesOf(guess.columns)).toEqual([
			'ignore',
			'region',
			'area',
			'weight',
			'cluster',
			'stratum',
			'item',
			'item',
			'ignore'
		]);
		expect(areaOf('1', guess.areaCodes)).toBe('urban');
		expect(areaOf('2', guess.areaCodes)).toBe('rural');
		expect(guess.fixedYear).toBe(2024);
		expect(guess.weightDivisor).toBe(1);
		expect(validateRoles(guess.kind, guess.columns)).toEqual([]);
	});

	it('reads an "urban" 0/1 column as the area, 1 = urban', () => {
		const guess = guessFile(
			'utafiti.csv',
			column('Mkoa', regionNames, { present: 5000, distinct: 26 }),
			column('uzito', ['1.2', '0.8']),
			column('Urban', ['0', '1']),
			column('simu', ['1', '0'])
		);
		expect(guess.kind).toBe('microdata');
		expect(rolesOf(guess.columns)).toEqual(['region', 'weight', 'area', 'item']);
		expect(areaOf('1', guess.areaCodes)).toBe('urban');
		expect(areaOf('0', guess.areaCodes)).toBe('rural');
	});

	it('keeps indicator roles out of microdata, one column per single role, and reads a year', () => {
		const guess = guessFile(
			'survey_2019.csv',
			column('region', regionNames, { present: 8000, distinct: 31 }),
			column('region_code', ['01', '02'], { present: 8000, distinct: 31 }),
			column('area', ['urban', 'rural']),
			column('weight', ['1.1', '0.9']),
			column('year', ['2022']),
			column('indicator', ['phone']),
			column('owns_phone', ['0', '1'])
		);
		expect(guess.kind).toBe('microdata');
		expect(rolesOf(guess.columns)).toEqual([
			'region',
			'ignore',
			'area',
			'weight',
			'year',
			'ignore',
			'item'
		]);
		expect(guess.fixedYear).toBeNull();
	});
});

describe('validateRoles', () => {
	const a = (role: ColumnAssignment['role'], index = 1, wide?: ColumnAssignment['wide']) =>
		wide ? { index, role, wide } : { index, role };

	it('lists everything an indicator table lacks', () => {
		expect(validateRoles('indicators', [])).toEqual([
			'upload_roles_missing_region',
			'upload_roles_missing_value',
			'upload_roles_missing_year'
		]);
		expect(validateRoles('indicators', [a('region'), a('value'), a('year')])).toEqual([]);
		expect(validateRoles('indicators', [a('region'), a('value')], 2022)).toEqual([]);
	});

	it('needs a year for every wide value unless one is fixed', () => {
		const partly = [
			a('region'),
			a('wide-value', 2, { area: 'urban', year: 2022 }),
			a('wide-value', 3, { area: 'rural', year: null })
		];
		expect(validateRoles('indicators', partly)).toEqual(['upload_roles_missing_year']);
		expect(validateRoles('indicators', partly, 2022)).toEqual([]);
	});

	it('flags unpaired bounds, repeated roles and repeated wide headers', () => {
		expect(validateRoles('indicators', [a('region'), a('value'), a('year'), a('lower')])).toEqual([
			'upload_roles_unpaired_bound'
		]);
		expect(validateRoles('indicators', [a('region'), a('region'), a('value'), a('year')])).toEqual([
			'upload_roles_repeated_role'
		]);
		const twice = { area: 'urban', year: 2022 } as const;
		expect(
			validateRoles('indicators', [
				a('region'),
				a('wide-value', 2, twice),
				a('wide-value', 3, twice)
			])
		).toEqual(['upload_roles_repeated_wide']);
	});

	it('lists everything microdata lacks, ignoring indicator roles', () => {
		expect(validateRoles('microdata', [a('value'), a('year'), a('indicator')])).toEqual([
			'upload_roles_missing_region',
			'upload_roles_missing_area',
			'upload_roles_missing_weight',
			'upload_roles_missing_item'
		]);
		expect(
			validateRoles('microdata', [a('region'), a('area'), a('weight'), a('item'), a('item')])
		).toEqual([]);
	});

	it('only returns keys from the published list', () => {
		const all = [
			...validateRoles('indicators', []),
			...validateRoles('microdata', []),
			...validateRoles('indicators', [a('lower'), a('area'), a('area')])
		];
		for (const key of all) expect(ROLE_PROBLEM_KEYS).toContain(key);
	});
});
