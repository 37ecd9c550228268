/**
 * Resolve the region names an uploaded file writes to the 31 regions, for the review screen.
 * Exact evidence (code, name, variant, normalised text) wins over the person's earlier choices,
 * which win over a fuzzy guess; island totals and zones are named for what they are and never
 * put onto a region.
 */
import type { RegionNameReview } from './types';
import { country, type PackRegion } from '$lib/country';
import {
	matchRegionName,
	normaliseRegionName,
	regionNameIndex,
	type NameRules
} from '$lib/domain/regions';

type Status = RegionNameReview['status'];
type Suggestion = RegionNameReview['suggestions'][number];

/*
 * Fuzzy thresholds, on the Jaro-Winkler similarity of normalised names (1 = identical), measured
 * over data/regions.csv and typical typos (the cases are in regionMatch.test.ts):
 * - a dropped, doubled or swapped letter in a name of 5+ letters scores 0.96–0.99 ("Dodomaa",
 *   "Kilimanajro", "Minji Magharibi"); one changed letter in a short name about 0.93 — as does a
 *   different place ("Songea", a town in Ruvuma, against "Songwe"), so 0.94 is the bar to guess;
 * - names of different regions score up to 0.94 against each other ("Zanzibar North"/"Zanzibar
 *   South" 0.943, "Pemba North"/"Pemba South" 0.927), so the best region must also lead the next
 *   by 0.05, or a half-way spelling would be forced onto one of two neighbours;
 * - from 0.84 a region is close enough to offer ("Kusini" → both Kusini regions, "Iringa
 *   Municipal" → Iringa); below it, the three best are listed only to help the person search.
 */
export const FUZZY_MATCH = 0.94;
export const FUZZY_MARGIN = 0.05;
export const FUZZY_CLOSE = 0.84;
/** How many candidates an unmatched or ambiguous name lists. */
const MAX_SUGGESTIONS = 3;
/**
 * Longer cells are no region's name (the longest written form, "United Republic of Tanzania", has
 * 27 characters) and are not matched: fuzzy scoring compares every character with a window as wide
 * as half the text, which takes minutes on a cell of megabytes. Nor are they remembered.
 */
export const MAX_REGION_NAME_CHARS = 100;

/**
 * Aggregates that some tables carry as rows beside the regions: totals, not regions. The names of
 * the country and its zones come from the pack (`aggregateNames`).
 */
const TOTAL_KEYS = [
	'national',
	'taifa',
	'total',
	'grand total',
	'jumla',
	'all',
	'all regions',
	'mikoa yote'
];
/** Words around a zone or island name that do not change what the row is ("Zanzibar total"). */
const AGGREGATE_NOISE = new Set(['total', 'jumla', 'island', 'islands', 'kisiwa', 'cha', 'la']);
/** Words around a region name that do not change which region it is ("Mkoa wa Dodoma"). */
const REGION_NOISE = new Set(['region', 'mkoa', 'wa', 'province']);

function withoutWords(key: string, words: Set<string>): string {
	return key
		.split(' ')
		.filter((w) => w !== '' && !words.has(w))
		.join(' ');
}

/** Totals that are the country's only when a file's other rows cover every region. */
const GENERIC_TOTALS = ['total', 'grand total', 'jumla', 'all', 'all regions', 'mikoa yote'];

/**
 * Whether an aggregate name is the whole country: 'named' when it says so (the country's name, its
 * code, "national"), 'total' for a total of whatever the file covers ("Total", "Jumla"), else null.
 */
export function nationalName(name: string, rules: NameRules = country): 'named' | 'total' | null {
	const key = normaliseRegionName(name);
	const core = withoutWords(key, AGGREGATE_NOISE);
	const named = [...rules.nationalNames, rules.nationalCode.toLowerCase(), 'national', 'taifa'];
	if (named.includes(key) || named.includes(core)) return 'named';
	if (GENERIC_TOTALS.includes(key) || (core === '' && key !== '')) return 'total';
	return null;
}

/** 'island' / 'zone' when the name is an aggregate, otherwise null. */
function aggregateKind(key: string, rules: NameRules): 'island' | 'zone' | null {
	const core = withoutWords(key, AGGREGATE_NOISE);
	if (rules.islandTotals.some((i) => i.key === core)) return 'island';
	const isZone = (k: string) =>
		TOTAL_KEYS.includes(k) ||
		rules.aggregateNames.includes(k) ||
		k === rules.nationalCode.toLowerCase();
	if (isZone(key) || isZone(core) || (core === '' && key !== '')) return 'zone';
	return null;
}

/** True for island totals and zones ("Unguja", "Tanzania Bara", "Total"): rows that are not regions. */
export function isAggregateName(name: string, rules: NameRules = country): boolean {
	return aggregateKind(normaliseRegionName(name), rules) !== null;
}

/** Jaro similarity: shared characters within a window, penalised for transpositions. */
function jaro(a: string, b: string): number {
	if (a === b) return 1;
	if (a.length === 0 || b.length === 0) return 0;
	const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
	const aUsed = new Array<boolean>(a.length).fill(false);
	const bUsed = new Array<boolean>(b.length).fill(false);
	let matches = 0;
	for (let i = 0; i < a.length; i++) {
		const from = Math.max(0, i - window);
		const to = Math.min(b.length - 1, i + window);
		for (let j = from; j <= to; j++) {
			if (!bUsed[j] && a[i] === b[j]) {
				aUsed[i] = true;
				bUsed[j] = true;
				matches++;
				break;
			}
		}
	}
	if (matches === 0) return 0;
	let outOfOrder = 0;
	let j = 0;
	for (let i = 0; i < a.length; i++) {
		if (!aUsed[i]) continue;
		while (!bUsed[j]) j++;
		if (a[i] !== b[j]) outOfOrder++;
		j++;
	}
	const transpositions = outOfOrder / 2;
	return (matches / a.length + matches / b.length + (matches - transpositions) / matches) / 3;
}

/** Jaro-Winkler: Jaro raised for a common prefix of up to 4 characters (scale 0.1). */
export function jaroWinkler(a: string, b: string): number {
	const j = jaro(a, b);
	let prefix = 0;
	while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
	return j + prefix * 0.1 * (1 - j);
}

const sortWords = (key: string) => key.split(' ').sort().join(' ');

/** Similarity of two normalised names; word order does not count ("Pemba Kaskazini"). */
export function nameSimilarity(a: string, b: string): number {
	return Math.max(jaroWinkler(a, b), jaroWinkler(sortWords(a), sortWords(b)));
}

/** Each region's names as fuzzy candidates; abbreviations (DSM, Dar) are too short to compare. */
function fuzzyCandidates(regions: readonly PackRegion[]) {
	return regions.map((r) => ({
		isoCode: r.isoCode,
		names: [
			...new Set(
				[r.nameOfficial, r.nameEn, ...r.variants]
					.map((n) => withoutWords(normaliseRegionName(n), REGION_NOISE))
					.filter((n) => n.length >= 4)
			)
		]
	}));
}

/** Every region scored against a normalised written name, best first. */
function scoreRegions(key: string, candidates: ReturnType<typeof fuzzyCandidates>): Suggestion[] {
	if (!/\p{L}/u.test(key)) return [];
	return candidates
		.map((c) => ({
			isoCode: c.isoCode,
			score: Math.max(0, ...c.names.map((n) => nameSimilarity(key, n)))
		}))
		.filter((s) => s.score > 0)
		.sort((x, y) => y.score - x.score || x.isoCode.localeCompare(y.isoCode));
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A survey's own code before a label, as statistics packages export value labels: "51 ", "7. ". */
const LABEL_CODE = /^\d{1,3} (?=.*\p{L})/u;

/** A label's key: folded, a leading survey code and region words dropped, words in order. */
function labelKey(written: string): string {
	const key = normaliseRegionName(written).replace(LABEL_CODE, '');
	return sortWords(withoutWords(key, REGION_NOISE));
}

/**
 * Every name, variant and survey label of every region by its label key, so a survey's label
 * finds its region whatever the word order ("unguja kaskazini", "north unguja") and with the
 * survey's code in front ("1. dodoma"). A key two regions share is left out: it decides nothing.
 */
export function surveyLabelIndex(
	regions: readonly PackRegion[],
	rules: NameRules = country
): Map<string, string> {
	const index = new Map<string, string>();
	const shared = new Set<string>();
	for (const r of regions) {
		const labels = rules.surveyLabels?.[r.isoCode] ?? [];
		for (const name of [r.nameOfficial, r.nameEn, ...r.variants, ...labels]) {
			const key = labelKey(name);
			if (key === '') continue;
			const other = index.get(key);
			if (other !== undefined && other !== r.isoCode) shared.add(key);
			index.set(key, r.isoCode);
		}
	}
	for (const key of shared) index.delete(key);
	return index;
}

/**
 * A region code written as a number, as NBS writes it: "7", "07" and "7.0" (a number column saved
 * by a statistics package) are all "07". Null for anything else.
 */
export function asNbsCode(written: string): string | null {
	const match = /^0*(\d{1,2})(?:\.0+)?$/.exec(written.trim());
	return match ? match[1]!.padStart(2, '0') : null;
}

/**
 * A code as a region-code table and a file are compared: trimmed, case and inner spacing folded,
 * and a number read as a number ("07", "7" and "7.0" are one code), as statistics packages write
 * codes.
 */
export function codeKey(written: string): string {
	const text = written.trim().toLowerCase().replace(/\s+/g, ' ');
	const number = /^0*(\d+?)(?:\.0+)?$/.exec(text);
	return number ? number[1]! : text;
}

/** The person's region-code table as the first matching rule: its name, each code's region by codeKey. */
export interface AppliedCodeTable {
	name: string;
	codes: ReadonlyMap<string, string>;
}

/**
 * Whether a region column reads as numeric codes: every written value (blanks aside) is a whole
 * number of one or two digits. Only then is "7" taken as NBS code 07; in a column of names, a
 * stray "7" is no region's name and stays unmatched.
 */
export function readsAsNumbers(written: readonly { name: string }[]): boolean {
	const values = written.map((w) => w.name.trim()).filter((v) => v !== '');
	return values.length > 0 && values.every((v) => asNbsCode(v) !== null);
}

/**
 * One review per distinct written name (rows summed when a name repeats), in first-seen order.
 * `remembered` maps normalised written names to ISO codes chosen for earlier files; `codeTable`
 * is the person's region-code table, when one is applied.
 */
export function reviewRegionNames(
	written: { name: string; rows: number }[],
	regions: readonly PackRegion[],
	remembered: Record<string, string>,
	rules: NameRules = country,
	codeTable: AppliedCodeTable | null = null
): RegionNameReview[] {
	const index = regionNameIndex(regions, rules);
	const labels = surveyLabelIndex(regions, rules);
	const known = new Set(regions.map((r) => r.isoCode));
	const candidates = fuzzyCandidates(regions);
	const rowsByName = new Map<string, number>();
	for (const w of written) rowsByName.set(w.name, (rowsByName.get(w.name) ?? 0) + w.rows);
	const numeric = readsAsNumbers(written);

	return [...rowsByName].map(([name, rows]): RegionNameReview => {
		const base = { written: name, rows, suggestions: [] as Suggestion[] };
		if (name.length > MAX_REGION_NAME_CHARS) {
			return { ...base, status: 'unmatched', isoCode: null, via: null };
		}
		// The person's own codes come first. With a table applied, a number the table lacks is no
		// NBS code either: a survey numbers its regions in one system, not two.
		const own = codeTable?.codes.get(codeKey(name));
		if (own !== undefined && known.has(own)) {
			return { ...base, status: 'matched', isoCode: own, via: 'codeTable' };
		}
		if (codeTable && asNbsCode(name) !== null) {
			return { ...base, status: 'unmatched', isoCode: null, via: null };
		}
		const exact = matchRegionName(name, index);
		if (exact.status === 'matched') {
			return { ...base, status: 'matched', isoCode: exact.isoCode, via: exact.via };
		}
		const byNumber = numeric ? index.byCode.get(asNbsCode(name)!) : undefined;
		if (byNumber) return { ...base, status: 'matched', isoCode: byNumber, via: 'nbsNumber' };
		const key = normaliseRegionName(name);
		const aggregate = exact.status === 'island' ? 'island' : aggregateKind(key, rules);
		if (aggregate !== null) return { ...base, status: aggregate, isoCode: null, via: null };
		const core = withoutWords(key, REGION_NOISE);
		const stripped = core === '' ? undefined : index.byNormalised.get(core);
		if (stripped) return { ...base, status: 'matched', isoCode: stripped, via: 'normalised' };
		const label = labels.get(labelKey(name));
		if (label) return { ...base, status: 'matched', isoCode: label, via: 'surveyLabel' };
		// An own property only: a name such as "constructor" must not find Object's prototype.
		const choice = Object.hasOwn(remembered, key) ? remembered[key] : undefined;
		if (typeof choice === 'string' && known.has(choice)) {
			return { ...base, status: 'matched', isoCode: choice, via: 'remembered' };
		}

		const scored = scoreRegions(core, candidates).map((s) => ({ ...s, score: round3(s.score) }));
		const [best, next] = scored;
		if (best && best.score >= FUZZY_MATCH && (!next || best.score - next.score >= FUZZY_MARGIN)) {
			return {
				...base,
				status: 'matched',
				isoCode: best.isoCode,
				via: 'fuzzy',
				suggestions: scored.slice(0, MAX_SUGGESTIONS)
			};
		}
		if (best && best.score >= FUZZY_CLOSE) {
			const close = scored.filter((s) => s.score >= FUZZY_CLOSE).slice(0, MAX_SUGGESTIONS);
			return { ...base, status: 'ambiguous', isoCode: null, via: null, suggestions: close };
		}
		return {
			...base,
			status: 'unmatched',
			isoCode: null,
			via: null,
			suggestions: scored.slice(0, MAX_SUGGESTIONS)
		};
	});
}

/**
 * The person's decision for one written name: a region, or null for "not a region" (its rows
 * then stay out as unknown). Island totals and zones are not regions and are left as they are.
 */
export function assignRegion(
	reviews: readonly RegionNameReview[],
	written: string,
	isoCode: string | null
): RegionNameReview[] {
	return reviews.map((r) => {
		if (r.written !== written || r.status === 'island' || r.status === 'zone') return r;
		return isoCode === null
			? { ...r, status: 'unmatched', isoCode: null, via: 'person' }
			: { ...r, status: 'matched', isoCode, via: 'person' };
	});
}

/**
 * Choices worth remembering for the next file, keyed by normalised written name: the person's,
 * fuzzy guesses the person let stand, and earlier remembered choices still in use. Names that
 * resolve by code, name or variant need no memory.
 */
export function rememberedFrom(reviews: readonly RegionNameReview[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const r of reviews) {
		if (r.status !== 'matched' || r.isoCode === null) continue;
		if (r.written.length > MAX_REGION_NAME_CHARS) continue;
		if (r.via === 'person' || r.via === 'fuzzy' || r.via === 'remembered') {
			out[normaliseRegionName(r.written)] = r.isoCode;
		}
	}
	return out;
}

/**
 * The stored choices after confirming a review: earlier ones kept, this file's added, and names
 * the person has now marked "not a region" forgotten.
 */
export function mergeRememberedChoices(
	previous: Record<string, string>,
	reviews: readonly RegionNameReview[]
): Record<string, string> {
	const out: Record<string, string> = { ...previous };
	for (const r of reviews) {
		if (r.via === 'person' && r.isoCode === null && r.written.length <= MAX_REGION_NAME_CHARS) {
			delete out[normaliseRegionName(r.written)];
		}
	}
	return { ...out, ...rememberedFrom(reviews) };
}

export const REGION_CHOICES_KEY = 'pengo.regionChoices';

/** Stored choices; anything unreadable (corrupt JSON, wrong shape, storage refused) is skipped. */
export function loadRememberedChoices(
	storage: Pick<Storage, 'getItem' | 'setItem'>
): Record<string, string> {
	let parsed: unknown;
	try {
		const text = storage.getItem(REGION_CHOICES_KEY);
		if (text === null) return {};
		parsed = JSON.parse(text);
	} catch {
		return {};
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(parsed)) {
		if (typeof v === 'string' && v !== '' && k !== '') out[k] = v;
	}
	return out;
}

/** Store the choices; false when the browser refuses (quota, private mode), so the UI can say so. */
export function saveRememberedChoices(
	storage: Pick<Storage, 'getItem' | 'setItem'>,
	choices: Record<string, string>
): boolean {
	try {
		storage.setItem(REGION_CHOICES_KEY, JSON.stringify(choices));
		return true;
	} catch {
		return false;
	}
}

export type RegionMatchSummary = Record<Status, number>;

/** How many written names are in each state (what the review screen's headings count). */
export function regionMatchSummary(reviews: readonly RegionNameReview[]): RegionMatchSummary {
	const out: RegionMatchSummary = { matched: 0, ambiguous: 0, unmatched: 0, island: 0, zone: 0 };
	for (const r of reviews) out[r.status]++;
	return out;
}

/** Names the region step lists at most: each row carries a list of every region, and a file can hold thousands of names. */
export const REVIEW_ROWS_SHOWN = 200;

/** How much a name needs the person: unmatched, ambiguous, guessed; then islands, zones, sure matches. */
function reviewOrder(r: RegionNameReview): number {
	if (r.status === 'unmatched') return 0;
	if (r.status === 'ambiguous') return 1;
	if (r.via === 'fuzzy') return 2;
	if (r.status === 'island' || r.status === 'zone') return 3;
	return 4;
}

/**
 * The names the region step lists, those that need the person first (file order otherwise), and
 * how many more are not listed; those keep their automatic choice.
 */
export function reviewsToShow(
	reviews: readonly RegionNameReview[],
	limit = REVIEW_ROWS_SHOWN
): { shown: RegionNameReview[]; hidden: number } {
	const ordered = [...reviews].sort((a, b) => reviewOrder(a) - reviewOrder(b));
	return { shown: ordered.slice(0, limit), hidden: Math.max(0, ordered.length - limit) };
}
