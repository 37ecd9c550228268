import { describe, expect, it } from 'vitest';
import {
	reviewsToShow,
	FUZZY_CLOSE,
	FUZZY_MARGIN,
	FUZZY_MATCH,
	MAX_REGION_NAME_CHARS,
	REGION_CHOICES_KEY,
	assignRegion,
	asNbsCode,
	readsAsNumbers,
	isAggregateName,
	jaroWinkler,
	loadRememberedChoices,
	mergeRememberedChoices,
	nameSimilarity,
	regionMatchSummary,
	rememberedFrom,
	reviewRegionNames,
	saveRememberedChoices,
	surveyLabelIndex
} from './regionMatch';
import { bundledRegions } from './regions.test-data';
import type { RegionNameReview } from './types';

/** The real 31 regions, so the thresholds are tested against the names they must separate. */
const regions = bundledRegions;

function review(name: string, remembered: Record<string, string> = {}): RegionNameReview {
	const [only] = reviewRegionNames([{ name, rows: 1 }], regions, remembered);
	if (!only) throw new Error('one review per name');
	return only;
}

class MemoryStorage {
	items = new Map<string, string>();
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.items.set(key, value);
	}
}

describe('jaroWinkler', () => {
	it('gives the textbook values', () => {
		// Winkler's worked examples: MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.840, DIXON/DICKSONX 0.813.
		expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
		expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 3);
		expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
	});

	it('matches a hand-worked region pair', () => {
		// mara/manyara: window 2; m, a, a match (r lies outside the window), no transposition.
		// Jaro = (3/4 + 3/7 + 3/3) / 3 = 0.72619; prefix "ma" → 0.72619 + 2·0.1·0.27381 = 0.78095.
		expect(jaroWinkler('mara', 'manyara')).toBeCloseTo(0.78095, 5);
		// dodomaa/dodoma: 6 matches, Jaro = (6/7 + 1 + 1) / 3 = 0.952381; prefix 4 → 0.971429.
		expect(jaroWinkler('dodomaa', 'dodoma')).toBeCloseTo(0.971429, 6);
	});

	it('is 1 for equal text, 0 with nothing in common, and symmetric', () => {
		expect(jaroWinkler('tanga', 'tanga')).toBe(1);
		expect(jaroWinkler('abc', 'xyz')).toBe(0);
		expect(jaroWinkler('', 'tanga')).toBe(0);
		expect(jaroWinkler('kigoma', 'kagera')).toBeCloseTo(jaroWinkler('kagera', 'kigoma'), 12);
	});

	it('ignores word order in names', () => {
		expect(nameSimilarity('pemba kaskazini', 'kaskazini pemba')).toBe(1);
	});
});

describe('reviewRegionNames: exact evidence', () => {
	it.each([
		['TZ-02', 'TZ-02', 'code'],
		['tz-19', 'TZ-19', 'code'],
		['07', 'TZ-02', 'code'],
		['55', 'TZ-10', 'code'],
		['Coast', 'TZ-19', 'name'],
		['DODOMA', 'TZ-03', 'name'],
		['DAR ES SALAAM', 'TZ-02', 'name'],
		['Kaskazini Unguja', 'TZ-07', 'name'],
		['Dar-es-salaam', 'TZ-02', 'variant'],
		['Dar-Es-Salaam', 'TZ-02', 'variant'],
		['DSM', 'TZ-02', 'variant'],
		['Dar', 'TZ-02', 'variant'],
		['Town West', 'TZ-15', 'variant'],
		['Zanzibar West', 'TZ-15', 'name'],
		['Urban West', 'TZ-15', 'variant'],
		['Mjini/Magharibi Unguja', 'TZ-15', 'variant'],
		['Minji/Magharibi Unguja', 'TZ-15', 'variant'],
		['Zanzibar North', 'TZ-07', 'name'],
		['Unguja North', 'TZ-07', 'variant'],
		['Zanzibar South', 'TZ-11', 'name'],
		['Zanzibar South & Central', 'TZ-11', 'variant'],
		['Unguja South', 'TZ-11', 'variant'],
		['Pemba North', 'TZ-06', 'name'],
		['North Pemba', 'TZ-06', 'variant'],
		['Pemba Kaskazini', 'TZ-06', 'variant'],
		['Pemba South', 'TZ-10', 'name'],
		['Pemba Kusini', 'TZ-10', 'variant'],
		['Mbeya (since 2016)', 'TZ-14', 'variant'],
		['  dar es  salaam. ', 'TZ-02', 'normalised'],
		['Mbeya Region', 'TZ-14', 'normalised'],
		['Mkoa wa Dodoma', 'TZ-03', 'normalised']
	] as const)('%s → %s via %s', (written, iso, via) => {
		expect(review(written)).toEqual({
			written,
			rows: 1,
			status: 'matched',
			isoCode: iso,
			via,
			suggestions: []
		});
	});

	it('reports island totals and zones, never as a region', () => {
		for (const name of ['Unguja', 'PEMBA', 'Unguja total', 'Kisiwa cha Pemba', 'Pemba Island']) {
			expect(review(name)).toMatchObject({ status: 'island', isoCode: null, via: null });
		}
		for (const name of [
			'Zanzibar',
			'Tanzania Mainland',
			'Tanzania Bara',
			'Tanzania',
			'Total',
			'TOTAL',
			'National',
			'Mainland',
			'Jumla',
			'Zanzibar total'
		]) {
			expect(review(name)).toMatchObject({ status: 'zone', isoCode: null, via: null });
		}
		expect(isAggregateName('Tanzania Bara')).toBe(true);
		expect(isAggregateName('Kaskazini Unguja')).toBe(false);
	});

	it('sums rows of a name written twice and keeps first-seen order', () => {
		const out = reviewRegionNames(
			[
				{ name: 'Tanga', rows: 3 },
				{ name: 'Unguja', rows: 2 },
				{ name: 'Tanga', rows: 4 }
			],
			regions,
			{}
		);
		expect(out.map((r) => [r.written, r.rows])).toEqual([
			['Tanga', 7],
			['Unguja', 2]
		]);
	});
});

describe('reviewRegionNames: remembered choices', () => {
	it('uses a choice from an earlier file, keyed by normalised name', () => {
		expect(review('MJINI', { mjini: 'TZ-15' })).toMatchObject({
			status: 'matched',
			isoCode: 'TZ-15',
			via: 'remembered'
		});
	});

	it('never lets a remembered choice override exact evidence or an island total', () => {
		expect(review('Dodoma', { dodoma: 'TZ-01' })).toMatchObject({ isoCode: 'TZ-03', via: 'name' });
		expect(review('Unguja', { unguja: 'TZ-07' })).toMatchObject({ status: 'island' });
	});

	it('ignores a remembered code that is no region, and inherited object keys', () => {
		expect(review('Mjini', { mjini: 'TZ-99' }).via).not.toBe('remembered');
		const proto = review('constructor', {});
		expect(proto.via).toBeNull();
		expect(proto.status).toBe('unmatched');
	});
});

describe('reviewRegionNames: fuzzy', () => {
	it.each([
		['Dodomaa', 'TZ-03'],
		['Kilimanajro', 'TZ-09'],
		['Minji Magharibi', 'TZ-15'],
		['Dar es Salam', 'TZ-02'],
		['Kaskazini Pmba', 'TZ-06'],
		['Kusini Ungja', 'TZ-11'],
		['Morogor', 'TZ-16']
	])('%s is guessed as %s and still shown with its score', (written, iso) => {
		const r = review(written);
		expect(r).toMatchObject({ status: 'matched', isoCode: iso, via: 'fuzzy' });
		const [best, next] = r.suggestions.map((s) => s.score);
		expect(r.suggestions[0]?.isoCode).toBe(iso);
		expect(best).toBeGreaterThanOrEqual(FUZZY_MATCH);
		expect(next).toBeLessThanOrEqual((best ?? 0) - FUZZY_MARGIN);
	});

	it('gives the hand-worked score', () => {
		expect(review('Dodomaa').suggestions[0]).toEqual({ isoCode: 'TZ-03', score: 0.971 });
	});

	it('calls a name ambiguous when two regions are close', () => {
		const kusini = review('Kusini');
		expect(kusini.status).toBe('ambiguous');
		expect(kusini.isoCode).toBeNull();
		expect(kusini.suggestions.map((s) => s.isoCode).sort()).toEqual(['TZ-10', 'TZ-11']);
		expect(
			review('Zanzibar Central')
				.suggestions.map((s) => s.isoCode)
				.sort()
		).toEqual(['TZ-07', 'TZ-11', 'TZ-15']);
	});

	it('does not take a near miss that is another place (Songea, a town in Ruvuma)', () => {
		const r = review('Songea');
		expect(r.status).toBe('ambiguous');
		expect(r.suggestions).toEqual([{ isoCode: 'TZ-31', score: expect.any(Number) }]);
		expect(r.suggestions[0]?.score).toBeLessThan(FUZZY_MATCH);
	});

	it('leaves a far name unmatched with its three nearest, best first', () => {
		const r = review('Atlantis');
		expect(r).toMatchObject({ status: 'unmatched', isoCode: null, via: null });
		expect(r.suggestions).toHaveLength(3);
		const scores = r.suggestions.map((s) => s.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(scores[0]).toBeLessThan(FUZZY_CLOSE);
	});

	it('offers nothing for a number that is no code, and keeps hostile text as written', () => {
		const [, one] = reviewRegionNames(
			[
				{ name: 'Dodoma', rows: 1 },
				{ name: '1', rows: 1 }
			],
			regions,
			{}
		);
		// In a column of names a stray "1" is nobody's name.
		expect(one).toMatchObject({ written: '1', status: 'unmatched', suggestions: [] });
		expect(review('99')).toMatchObject({ status: 'unmatched', suggestions: [] });
		const hostile = '<img src=x onerror=alert(1)>';
		expect(review(hostile)).toMatchObject({ written: hostile, status: 'unmatched' });
		expect(review('')).toMatchObject({ status: 'unmatched', suggestions: [] });
	});
});

describe('the person decides', () => {
	const reviews = reviewRegionNames(
		[
			{ name: 'Kusini', rows: 5 },
			{ name: 'Dodomaa', rows: 2 },
			{ name: 'Arusha', rows: 4 },
			{ name: 'Unguja', rows: 3 },
			{ name: 'Songea', rows: 1 },
			{ name: 'Atlantis', rows: 6 },
			{ name: 'Total', rows: 1 }
		],
		regions,
		{}
	);

	it('assigns a region, or "not a region", to one name only', () => {
		const out = assignRegion(reviews, 'Kusini', 'TZ-11');
		expect(out[0]).toMatchObject({ status: 'matched', isoCode: 'TZ-11', via: 'person' });
		expect(out.slice(1)).toEqual(reviews.slice(1));
		expect(reviews[0]?.status).toBe('ambiguous');
		const none = assignRegion(out, 'Kusini', null);
		expect(none[0]).toMatchObject({ status: 'unmatched', isoCode: null, via: 'person' });
	});

	it('will not put an island total or a zone on a region', () => {
		expect(assignRegion(reviews, 'Unguja', 'TZ-07')[3]).toBe(reviews[3]);
		expect(assignRegion(reviews, 'Total', 'TZ-02')[6]).toBe(reviews[6]);
	});

	it('remembers the person’s and the fuzzy choices, not exact matches', () => {
		const decided = assignRegion(reviews, 'Songea', 'TZ-21');
		expect(rememberedFrom(decided)).toEqual({ dodomaa: 'TZ-03', songea: 'TZ-21' });
		const again = reviewRegionNames(
			[{ name: 'SONGEA', rows: 1 }],
			regions,
			rememberedFrom(decided)
		);
		expect(again[0]).toMatchObject({ isoCode: 'TZ-21', via: 'remembered' });
		expect(rememberedFrom(again)).toEqual({ songea: 'TZ-21' });
	});

	it('forgets a choice the person withdraws, keeps the rest', () => {
		const previous = { songea: 'TZ-21', mjini: 'TZ-15' };
		const withdrawn = assignRegion(
			reviewRegionNames([{ name: 'Songea', rows: 1 }], regions, previous),
			'Songea',
			null
		);
		expect(mergeRememberedChoices(previous, withdrawn)).toEqual({ mjini: 'TZ-15' });
	});

	it('counts names per status', () => {
		expect(regionMatchSummary(reviews)).toEqual({
			matched: 2,
			ambiguous: 2,
			unmatched: 1,
			island: 1,
			zone: 1
		});
		expect(regionMatchSummary([])).toEqual({
			matched: 0,
			ambiguous: 0,
			unmatched: 0,
			island: 0,
			zone: 0
		});
	});
});

describe('a cell far too long to be a region name', () => {
	const huge = `Dodoma ${'x'.repeat(10 * 1024 * 1024)}`;

	it('is left unmatched at once, without fuzzy scoring', () => {
		const started = performance.now();
		expect(review(huge)).toEqual({
			written: huge,
			rows: 1,
			status: 'unmatched',
			isoCode: null,
			via: null,
			suggestions: []
		});
		// Scoring it would take minutes; a generous bound for a busy machine.
		expect(performance.now() - started).toBeLessThan(2000);
		// At the limit a name is still matched.
		const padded = `Dodoma${' '.repeat(MAX_REGION_NAME_CHARS - 6)}`;
		expect(review(padded)).toMatchObject({ status: 'matched', isoCode: 'TZ-03' });
	});

	it('can be given a region by the person, but is not remembered', () => {
		const decided = assignRegion(
			reviewRegionNames([{ name: huge, rows: 1 }], regions, {}),
			huge,
			'TZ-03'
		);
		expect(decided[0]).toMatchObject({ status: 'matched', isoCode: 'TZ-03', via: 'person' });
		expect(rememberedFrom(decided)).toEqual({});
		expect(mergeRememberedChoices({ songea: 'TZ-21' }, assignRegion(decided, huge, null))).toEqual({
			songea: 'TZ-21'
		});
	});
});

describe('stored choices', () => {
	it('round-trips through storage under pengo.regionChoices', () => {
		const storage = new MemoryStorage();
		expect(loadRememberedChoices(storage)).toEqual({});
		expect(saveRememberedChoices(storage, { songea: 'TZ-21' })).toBe(true);
		expect(storage.items.get(REGION_CHOICES_KEY)).toBe('{"songea":"TZ-21"}');
		expect(loadRememberedChoices(storage)).toEqual({ songea: 'TZ-21' });
	});

	it.each(['{not json', '[1,2]', 'null', '"TZ-02"', '42'])('reads %s as no choices', (text) => {
		const storage = new MemoryStorage();
		storage.items.set(REGION_CHOICES_KEY, text);
		expect(loadRememberedChoices(storage)).toEqual({});
	});

	it('drops entries that are not text', () => {
		const storage = new MemoryStorage();
		storage.items.set(REGION_CHOICES_KEY, '{"a":"TZ-01","b":3,"c":null,"d":""}');
		expect(loadRememberedChoices(storage)).toEqual({ a: 'TZ-01' });
	});

	it('survives storage that refuses to read or write', () => {
		const refusing = {
			getItem: (): string | null => {
				throw new DOMException('denied', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			}
		};
		expect(loadRememberedChoices(refusing)).toEqual({});
		expect(saveRememberedChoices(refusing, { a: 'TZ-01' })).toBe(false);
	});
});

describe('reviewsToShow', () => {
	const named = (written: string, status: RegionNameReview['status']): RegionNameReview => ({
		written,
		rows: 1,
		status,
		isoCode: status === 'matched' ? 'TZ-01' : null,
		via: status === 'matched' ? 'name' : null,
		suggestions: []
	});

	it('lists at most the limit, names that need the person first, and counts the rest', () => {
		const sure = Array.from({ length: 250 }, (_, i) => named(`Place ${i}`, 'matched'));
		const reviews = [...sure, named('Nowhere', 'unmatched'), named('Unguja', 'island')];
		const { shown, hidden } = reviewsToShow(reviews, 200);
		expect(shown).toHaveLength(200);
		expect(hidden).toBe(52);
		expect(shown.slice(0, 3).map((r) => r.written)).toEqual(['Nowhere', 'Unguja', 'Place 0']);
	});

	it('lists everything, in need order, when the file has few names', () => {
		const reviews = [named('Arusha', 'matched'), named('Xyz', 'unmatched')];
		expect(reviewsToShow(reviews)).toEqual({ shown: [reviews[1], reviews[0]], hidden: 0 });
	});
});

describe('reviewRegionNames: a column of numeric region codes (DHS hv024, NBS files)', () => {
	// DHS writes hv024 as a number: 1 Dodoma, 2 Arusha, 7 Dar es Salaam, 16 Kigoma, 24 Simiyu,
	// 53 Mjini Magharibi; NBS codes are 01 … 26 and 51 … 55 (data/regions.csv).
	const written = ['1', '2', '7', '16', '24', '53', '7.0', '007', '99', ''].map((name) => ({
		name,
		rows: 10
	}));
	const reviews = reviewRegionNames(written, regions, {});
	const of = (name: string) => reviews.find((r) => r.written === name)!;

	it('reads one-digit codes with the leading zero NBS writes, and says so', () => {
		expect(of('1')).toMatchObject({ status: 'matched', isoCode: 'TZ-03', via: 'nbsNumber' });
		expect(of('2')).toMatchObject({ status: 'matched', isoCode: 'TZ-01', via: 'nbsNumber' });
		expect(of('7')).toMatchObject({ status: 'matched', isoCode: 'TZ-02', via: 'nbsNumber' });
		expect(of('7.0')).toMatchObject({ isoCode: 'TZ-02', via: 'nbsNumber' });
		expect(of('007')).toMatchObject({ isoCode: 'TZ-02', via: 'nbsNumber' });
	});

	it('keeps two-digit codes matched as codes, and a number that is no code unmatched', () => {
		expect(of('16')).toMatchObject({ isoCode: 'TZ-08', via: 'code' });
		expect(of('24')).toMatchObject({ isoCode: 'TZ-30', via: 'code' });
		expect(of('53')).toMatchObject({ isoCode: 'TZ-15', via: 'code' });
		expect(of('99')).toMatchObject({ status: 'unmatched', isoCode: null });
	});

	it('tells a number column from text', () => {
		expect(readsAsNumbers([{ name: '1' }, { name: ' 26 ' }, { name: '' }])).toBe(true);
		expect(readsAsNumbers([{ name: '1' }, { name: 'Dodoma' }])).toBe(false);
		expect(readsAsNumbers([{ name: '100' }])).toBe(false);
		expect(readsAsNumbers([{ name: '1.5' }])).toBe(false);
		expect(readsAsNumbers([])).toBe(false);
		expect(asNbsCode('5')).toBe('05');
		expect(asNbsCode('05.00')).toBe('05');
		expect(asNbsCode('-5')).toBeNull();
	});
});

describe('reviewRegionNames: DHS region labels (hv024 / v024) of all 31 regions', () => {
	// Labels as DHS exports write them across rounds: lower case, hyphens, English names with the
	// direction first or last, Kiswahili word order, and a survey's code before the label. Each
	// must resolve by a named rule, never by a guess.
	const spellings: [string, string[]][] = [
		['TZ-03', ['dodoma', 'DODOMA', '1 dodoma', '1. dodoma', 'Mkoa wa Dodoma']],
		['TZ-01', ['arusha', '2. arusha']],
		['TZ-09', ['kilimanjaro', 'KILIMANJARO', '3 kilimanjaro']],
		['TZ-25', ['tanga']],
		['TZ-16', ['morogoro']],
		['TZ-19', ['pwani', 'coast', 'COAST', 'Pwani Region']],
		[
			'TZ-02',
			['dar es salaam', 'dar-es-salaam', 'Dar-Es-Salaam', 'DAR ES SALAAM', '7 dar es salaam', 'dsm']
		],
		['TZ-12', ['lindi']],
		['TZ-17', ['mtwara']],
		['TZ-21', ['ruvuma']],
		['TZ-04', ['iringa']],
		['TZ-14', ['mbeya', 'mbeya (since 2016)']],
		['TZ-23', ['singida']],
		['TZ-24', ['tabora']],
		['TZ-20', ['rukwa']],
		['TZ-08', ['kigoma']],
		['TZ-22', ['shinyanga']],
		['TZ-05', ['kagera']],
		['TZ-18', ['mwanza']],
		['TZ-13', ['mara']],
		['TZ-26', ['manyara']],
		['TZ-29', ['njombe']],
		['TZ-28', ['katavi']],
		['TZ-30', ['simiyu']],
		['TZ-27', ['geita']],
		['TZ-31', ['songwe', '26 songwe']],
		[
			'TZ-07',
			[
				'kaskazini unguja',
				'north unguja',
				'unguja north',
				'zanzibar north',
				'unguja kaskazini',
				'51 kaskazini unguja',
				'51. north unguja'
			]
		],
		[
			'TZ-11',
			[
				'kusini unguja',
				'south unguja',
				'unguja south',
				'zanzibar south',
				'zanzibar south & central',
				'zanzibar south and central',
				'unguja kusini'
			]
		],
		[
			'TZ-15',
			[
				'mjini magharibi',
				'town west',
				'urban west',
				'zanzibar west',
				'mjini/magharibi unguja',
				'magharibi mjini',
				'53 town west'
			]
		],
		['TZ-06', ['kaskazini pemba', 'north pemba', 'pemba north', 'pemba kaskazini']],
		['TZ-10', ['kusini pemba', 'south pemba', 'pemba south', 'pemba kusini', '55. south pemba']]
	];

	it('lists every region', () => {
		expect(new Set(spellings.map(([iso]) => iso))).toEqual(new Set(regions.map((r) => r.isoCode)));
	});

	const cases = spellings.flatMap(([iso, names]) => names.map((n) => [n, iso] as const));
	it.each(cases)('%s → %s, by a named rule', (name, iso) => {
		const r = review(name);
		expect(r).toMatchObject({ status: 'matched', isoCode: iso });
		expect(['code', 'name', 'variant', 'normalised', 'surveyLabel']).toContain(r.via);
	});

	it('names the DHS rule for labels the region table does not list', () => {
		expect(review('north unguja').via).toBe('surveyLabel');
		expect(review('South Pemba').via).toBe('surveyLabel');
		expect(review('unguja kusini').via).toBe('surveyLabel');
		expect(review('1. dodoma').via).toBe('surveyLabel');
		expect(review('dodoma').via).toBe('name');
	});

	it('never turns an island total or a bare code into a region', () => {
		expect(review('unguja').status).toBe('island');
		expect(review('pemba').status).toBe('island');
		expect(review('north').status).not.toBe('matched');
		expect(review('1').status).toBe('matched'); // a lone number is an NBS code, not a label
		expect(review('1').via).toBe('nbsNumber');
	});

	it('gives no label key to two regions', () => {
		const index = surveyLabelIndex(regions);
		expect(index.get('north unguja')).toBe('TZ-07');
		expect(index.get('kusini unguja')).toBe('TZ-11');
		expect(index.get('pemba south')).toBe('TZ-10');
		const twins = [
			{ isoCode: 'X-1', nameOfficial: 'Alpha', nameEn: 'Alpha', zone: 'A', variants: [] },
			{ isoCode: 'X-2', nameOfficial: 'Beta', nameEn: 'Beta', zone: 'A', variants: [] }
		];
		const rules = {
			islandTotals: [],
			aggregateNames: [],
			surveyLabels: { 'X-1': ['North Side'], 'X-2': ['Side North'] },
			nationalNames: [],
			nationalCode: 'X'
		};
		const shared = surveyLabelIndex(twins, rules);
		expect(shared.has('north side')).toBe(false);
		expect(shared.get('alpha')).toBe('X-1');
	});
});
