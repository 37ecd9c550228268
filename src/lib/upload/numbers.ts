/**
 * Reading a number written under a dialect (decimal and thousands separators, missing tokens), once
 * in TypeScript for previews and once as DuckDB SQL for whole tables. Both are built from the same
 * regular expression and the same normalisation, and a property test holds them to the same answer.
 *
 * Accepted: optional sign (+ or -), digits either plain or grouped in threes by the thousands
 * separator, an optional decimal part, an optional exponent (e or E, at most three digits) and an
 * optional trailing percent sign (the number is kept as written: "45%" is 45). Surrounding blanks
 * (space, tab, CR, LF, no-break spaces) are ignored. Anything else is not a number.
 */
import { quoteLiteral } from '$lib/db/quote';
import type { Dialect } from './types';

type NumberDialect = Pick<Dialect, 'decimal' | 'thousands' | 'missing'>;

/** Characters trimmed from both ends of a cell before it is judged: JS and SQL trim exactly these. */
export const BLANKS = ' \t\r\n\u00a0\u202f';

/** Characters that count as the thousands separator; a space separator also accepts no-break spaces. */
function thousandsChars(thousands: NumberDialect['thousands']): string {
	return thousands === ' ' ? ' \u00a0\u202f' : thousands;
}

/** A character class or literal for RE2 and JS alike: every dialect character is escaped. */
function escapeClass(chars: string): string {
	return `[${[...chars].map((c) => (/[\w\s]/.test(c) ? c : `\\${c}`)).join('')}]`;
}

/** The pattern a trimmed cell must match in full, valid in both JS RegExp and DuckDB's RE2. */
export function numberPattern(dialect: NumberDialect): string {
	const decimal = escapeClass(dialect.decimal);
	const int = dialect.thousands
		? `(?:[0-9]+|[0-9]{1,3}(?:${escapeClass(thousandsChars(dialect.thousands))}[0-9]{3})+)`
		: '[0-9]+';
	const mantissa = `(?:${int}(?:${decimal}[0-9]+)?|${decimal}[0-9]+)`;
	return `[+-]?${mantissa}(?:[eE][+-]?[0-9]{1,3})?(?: ?%)?`;
}

function trimBlanks(text: string): string {
	let start = 0;
	let end = text.length;
	while (start < end && BLANKS.includes(text[start]!)) start++;
	while (end > start && BLANKS.includes(text[end - 1]!)) end--;
	return text.slice(start, end);
}

const patternCache = new Map<string, RegExp>();
function numberRegExp(dialect: NumberDialect): RegExp {
	const source = `^${numberPattern(dialect)}$`;
	let re = patternCache.get(source);
	if (!re) {
		re = new RegExp(source);
		patternCache.set(source, re);
	}
	return re;
}

/** The cell as a number; null when it is missing; undefined when it is present but not a number. */
export function parseNumber(text: string, dialect: NumberDialect): number | null | undefined {
	const t = trimBlanks(text);
	if (t === '' || dialect.missing.includes(t)) return null;
	if (!numberRegExp(dialect).test(t)) return undefined;
	let plain = t.replace(/ ?%$/, '');
	for (const c of thousandsChars(dialect.thousands)) plain = plain.replaceAll(c, '');
	if (dialect.decimal === ',') plain = plain.replace(',', '.');
	const value = Number(plain);
	return Number.isFinite(value) ? value : undefined;
}

/** SQL: the expression trimmed exactly as parseNumber trims. */
export function trimmedSql(expr: string): string {
	return `trim(${expr}, ${quoteLiteral(BLANKS)})`;
}

/** SQL: true when the (VARCHAR) expression is empty or a missing token; NULL input counts as missing. */
export function isMissingSql(expr: string, dialect: Pick<Dialect, 'missing'>): string {
	const tokens = ['', ...dialect.missing.filter((m) => m !== '')].map(quoteLiteral).join(', ');
	return `coalesce(${trimmedSql(expr)} IN (${tokens}), true)`;
}

/** SQL: the value as DOUBLE when the text matches, before the finiteness check. */
function castSql(expr: string, dialect: NumberDialect): string {
	return castTrimmedSql(trimmedSql(expr), dialect);
}

function castTrimmedSql(trimmed: string, dialect: NumberDialect): string {
	// Only ever applied to text that matched the pattern, which ends in a digit or " %" / "%".
	let plain = `rtrim(${trimmed}, ' %')`;
	for (const c of thousandsChars(dialect.thousands)) {
		plain = `replace(${plain}, ${quoteLiteral(c)}, '')`;
	}
	if (dialect.decimal === ',') plain = `replace(${plain}, ',', '.')`;
	return `TRY_CAST(${plain} AS DOUBLE)`;
}

function matchesSql(expr: string, dialect: NumberDialect): string {
	return `regexp_full_match(${trimmedSql(expr)}, ${quoteLiteral(numberPattern(dialect))})`;
}

/** SQL giving the same value as parseNumber as a DOUBLE, or NULL when missing or not a number. */
export function numberSql(expr: string, dialect: NumberDialect): string {
	const value = castSql(expr, dialect);
	return `(CASE WHEN NOT ${isMissingSql(expr, dialect)} AND ${matchesSql(expr, dialect)} AND isfinite(${value}) THEN ${value} END)`;
}

/** SQL: true exactly when parseNumber returns a number (so NULL from numberSql can be told apart). */
export function isNumberSql(expr: string, dialect: NumberDialect): string {
	const value = castSql(expr, dialect);
	return `coalesce(NOT ${isMissingSql(expr, dialect)} AND ${matchesSql(expr, dialect)} AND isfinite(${value}), false)`;
}

/**
 * For an expression already trimmed as trimmedSql does (and known not to be missing): the DOUBLE
 * parseNumber would give, or NULL when the text is not a number — one pattern match and one cast
 * per cell, for whole-table scans. Note that, unlike numberSql, a non-finite result is returned
 * (as ±inf) and must be tested with isfinite, as the profile query does.
 */
export function trimmedNumberSql(trimmed: string, dialect: NumberDialect): string {
	const pattern = quoteLiteral(numberPattern(dialect));
	return `(CASE WHEN regexp_full_match(${trimmed}, ${pattern}) THEN ${castTrimmedSql(trimmed, dialect)} END)`;
}

/** SQL: true when an already trimmed expression is empty or a missing token (NULL counts as missing). */
export function trimmedMissingSql(trimmed: string, dialect: Pick<Dialect, 'missing'>): string {
	const tokens = ['', ...dialect.missing.filter((m) => m !== '')].map(quoteLiteral).join(', ');
	return `coalesce(${trimmed} IN (${tokens}), true)`;
}
