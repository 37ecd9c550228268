import type { Estimate } from '$lib/domain/estimate';
import { formatValue, type DisplayUnit } from '$lib/i18n/format';

/**
 * Text for the profile's figures. Pure: numbers and locale in, string out. Interval bounds carry
 * no unit sign of their own ("61.6% (53.4–69.2)"); signed bounds (gaps) are joined in words, since
 * "−3.1–+4.0" reads badly.
 */
export function formatRange(
	lower: number | null,
	upper: number | null,
	unit: DisplayUnit,
	locale: string,
	joinSigned: (lower: string, upper: string) => string
): string | null {
	if (lower === null || upper === null) return null;
	if (unit === 'pp')
		return joinSigned(formatValue(lower, 'pp', locale), formatValue(upper, 'pp', locale));
	const bound = unit === 'percent' ? 'per100' : unit;
	return `${formatValue(lower, bound, locale)}–${formatValue(upper, bound, locale)}`;
}

/** A value with its interval in brackets when there is one, or the "no data" text. */
export function formatEstimate(
	e: Pick<Estimate, 'value' | 'lower' | 'upper'>,
	unit: DisplayUnit,
	locale: string,
	noData: string,
	joinSigned: (lower: string, upper: string) => string
): string {
	if (e.value === null) return noData;
	const value = formatValue(e.value, unit, locale);
	const range = formatRange(e.lower, e.upper, unit, locale, joinSigned);
	return range === null ? value : `${value} (${range})`;
}

/** The `?lang=` suffix a link needs to keep the reader's language (none for the base language). */
export function langSuffix(locale: string, baseLocale: string): string {
	return locale === baseLocale ? '' : `?lang=${encodeURIComponent(locale)}`;
}

/**
 * Break a chart label into at most `maxLines` lines of about `maxChars` characters, at spaces;
 * the last line ends in "…" if the text does not fit. SVG text does not wrap by itself.
 */
export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
	const limit = Math.max(4, Math.floor(maxChars));
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter((w) => w !== '')) {
		const next = line === '' ? word : `${line} ${word}`;
		if (next.length <= limit || line === '') line = next;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line !== '') lines.push(line);
	const kept = lines
		.slice(0, maxLines)
		.map((l) => (l.length > limit ? `${l.slice(0, limit - 1)}…` : l));
	if (lines.length > maxLines) {
		const last = kept[maxLines - 1]!;
		kept[maxLines - 1] = `${last.slice(0, Math.max(0, limit - 1))}…`;
	}
	return kept;
}
