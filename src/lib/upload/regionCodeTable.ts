/**
 * A region-code table an analyst brings once and reuses: two columns, "code,region", mapping a
 * survey's own region codes (a 1 … 31 in its own order, district codes) to the regions. Read from
 * pasted or uploaded text, checked line by line, and applied in step 4 as the first matching rule.
 */
import type { PackRegion } from '$lib/country';
import { headerRole } from './columnClues';
import { codeKey, FUZZY_CLOSE, reviewRegionNames, type AppliedCodeTable } from './regionMatch';

/** A saved table: what the store keeps and the step lists. */
export interface RegionCodeTable {
	id: string;
	/** The person's name for it, shown in the rule ("your code table 'TDHS 2022 codes'"). */
	name: string;
	/** Codes as written in the table, each with the ISO code of its region, in table order. */
	entries: { code: string; isoCode: string }[];
	/** ISO date it was saved. */
	savedAt: string;
}

/** What is wrong with a table's text, by line (1-based, as an editor numbers the pasted text). */
export type CodeTableProblem =
	| { kind: 'empty' }
	| { kind: 'too-long'; lines: number }
	/** A file far larger than any code table, refused before it is read. */
	| { kind: 'too-large'; bytes: number }
	| { kind: 'fields'; line: number; fields: number }
	| { kind: 'no-code'; line: number }
	| { kind: 'unknown-region'; line: number; value: string; suggestion: string | null }
	| { kind: 'not-a-region'; line: number; value: string }
	| {
			kind: 'duplicate-code';
			code: string;
			first: { line: number; isoCode: string };
			second: { line: number; isoCode: string };
	  };

/** A table longer than this is no list of region codes (Tanzania has about 190 councils). */
export const MAX_CODE_TABLE_LINES = 5000;

/** A code-table file larger than this is refused unread (5,000 lines of codes and names fit in 1 MB). */
export const MAX_CODE_TABLE_BYTES = 1024 * 1024;

/** Region-column headers beyond what headerRole reads as a region ("name", "jina", "label"). */
const REGION_HEADER_WORDS = new Set(['name', 'jina', 'label', 'lebo', 'names']);

/** The delimiter of a pasted or saved table: tab (a spreadsheet's copy), then ; , and |. */
function delimiterOf(line: string): string {
	return ['\t', ';', ',', '|'].find((d) => line.includes(d)) ?? ',';
}

/** One line's fields; a field in double quotes may hold the delimiter, "" is a quote. */
export function splitCodeLine(line: string, delimiter: string): string[] {
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i]!;
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field.trim() === '') {
			quoted = true;
			field = '';
		} else if (c === delimiter) {
			fields.push(field.trim());
			field = '';
		} else field += c;
	}
	fields.push(field.trim());
	// A spreadsheet's copy often carries empty cells after the last filled one.
	while (fields.length > 2 && fields[fields.length - 1] === '') fields.pop();
	return fields;
}

/** A first line such as "code,region" or "hv024;mkoa": a header, not a code. */
function isHeader(region: string): boolean {
	const words = region.trim().toLowerCase();
	return headerRole(region) === 'region' || REGION_HEADER_WORDS.has(words);
}

export interface ParsedCodeTable {
	entries: RegionCodeTable['entries'];
	problems: CodeTableProblem[];
	/** Whether the first line was read as a header. */
	header: boolean;
}

/**
 * Read a table's text against the regions: every region cell must name a region by an exact rule
 * (name, variant, code, survey label; not a guess), every code may stand for one region only.
 * A code written twice for the same region counts once.
 */
export function parseCodeTable(text: string, regions: readonly PackRegion[]): ParsedCodeTable {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const filled = lines.map((l, i) => ({ text: l, line: i + 1 })).filter((l) => l.text.trim());
	if (filled.length === 0) return { entries: [], problems: [{ kind: 'empty' }], header: false };
	if (filled.length > MAX_CODE_TABLE_LINES + 1) {
		return { entries: [], problems: [{ kind: 'too-long', lines: filled.length }], header: false };
	}
	const delimiter = delimiterOf(filled[0]!.text);
	const rows = filled.map((l) => ({ line: l.line, fields: splitCodeLine(l.text, delimiter) }));
	const header = rows[0]!.fields.length === 2 && isHeader(rows[0]!.fields[1]!);
	const body = header ? rows.slice(1) : rows;

	const problems: CodeTableProblem[] = [];
	const named = body.filter((r) => {
		if (r.fields.length !== 2) {
			problems.push({ kind: 'fields', line: r.line, fields: r.fields.length });
			return false;
		}
		if (r.fields[0] === '') {
			problems.push({ kind: 'no-code', line: r.line });
			return false;
		}
		return true;
	});
	const reviews = reviewRegionNames(
		named.map((r) => ({ name: r.fields[1]!, rows: 1 })),
		regions,
		{}
	);
	const byWritten = new Map(reviews.map((r) => [r.written, r]));
	const entries: RegionCodeTable['entries'] = [];
	const seen = new Map<string, { line: number; isoCode: string }>();
	for (const r of named) {
		const [code, region] = r.fields as [string, string];
		const review = byWritten.get(region)!;
		if (review.status === 'island' || review.status === 'zone') {
			problems.push({ kind: 'not-a-region', line: r.line, value: region });
			continue;
		}
		if (review.status !== 'matched' || review.isoCode === null || review.via === 'fuzzy') {
			// Only a region close enough to be meant is offered, not the nearest of far ones.
			const [best] = review.suggestions;
			const suggestion = best && best.score >= FUZZY_CLOSE ? best.isoCode : null;
			problems.push({ kind: 'unknown-region', line: r.line, value: region, suggestion });
			continue;
		}
		const key = codeKey(code);
		const earlier = seen.get(key);
		if (earlier && earlier.isoCode !== review.isoCode) {
			problems.push({
				kind: 'duplicate-code',
				code,
				first: earlier,
				second: { line: r.line, isoCode: review.isoCode }
			});
			continue;
		}
		if (earlier) continue;
		seen.set(key, { line: r.line, isoCode: review.isoCode });
		entries.push({ code, isoCode: review.isoCode });
	}
	const lineOf = (p: CodeTableProblem) =>
		'line' in p ? p.line : p.kind === 'duplicate-code' ? p.second.line : 0;
	problems.sort((a, b) => lineOf(a) - lineOf(b));
	return { entries, problems, header };
}

/** A saved table as the matching rule reads it. */
export function applyCodeTable(table: Pick<RegionCodeTable, 'name' | 'entries'>): AppliedCodeTable {
	return {
		name: table.name,
		codes: new Map(table.entries.map((e) => [codeKey(e.code), e.isoCode]))
	};
}

/**
 * A saved table as the store gives it back, or null when its shape is wrong (written by another
 * version, or damaged): such a record is skipped, never half-used.
 */
export function asCodeTable(value: unknown): RegionCodeTable | null {
	if (typeof value !== 'object' || value === null) return null;
	const v = value as Record<string, unknown>;
	if (typeof v.id !== 'string' || typeof v.name !== 'string' || typeof v.savedAt !== 'string') {
		return null;
	}
	if (!Array.isArray(v.entries)) return null;
	const entries = v.entries.filter(
		(e): e is { code: string; isoCode: string } =>
			typeof e === 'object' &&
			e !== null &&
			typeof (e as { code?: unknown }).code === 'string' &&
			typeof (e as { isoCode?: unknown }).isoCode === 'string'
	);
	if (entries.length !== v.entries.length) return null;
	return {
		id: v.id,
		name: v.name,
		savedAt: v.savedAt,
		entries: entries.map((e) => ({ code: e.code, isoCode: e.isoCode }))
	};
}
