import type { Measure } from '$lib/domain/gaps';
/**
 * Number formats a person reads. Pure: locale in, string out, so each can be checked in a test.
 * Missing values never print as "NaN": they print as the caller's "no data" text.
 */
export type DisplayUnit = 'percent' | 'pp' | 'ratio' | 'count' | 'per100';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = locale + JSON.stringify(options);
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(locale, options);
		cache.set(key, f);
	}
	return f;
}

/** "Percentage points" abbreviated, per UI language (the locale's first subtag). */
const POINTS: Record<string, string> = { en: 'pp', sw: 'asl. pointi' };
export function pointsSuffix(locale: string): string {
	return POINTS[locale.split('-')[0]!] ?? POINTS.en!;
}

export function formatValue(
	value: number | null | undefined,
	unit: DisplayUnit,
	locale = 'en',
	missing = '—'
): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return missing;
	switch (unit) {
		case 'percent':
			return `${numberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value)}%`;
		case 'pp':
			return `${numberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value)} ${pointsSuffix(locale)}`;
		case 'ratio':
			return numberFormat(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(
				value
			);
		case 'count':
			return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
		case 'per100':
			return numberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
				value
			);
	}
}

/** The unit a measure is shown in, given the indicator's own unit. */
export function displayUnit(
	indicatorUnit: 'percent' | 'count' | 'per100',
	measure: Measure
): DisplayUnit {
	if (measure === 'parity') return 'ratio';
	const difference = measure === 'gap' || measure === 'change' || measure === 'gapChange';
	if (difference && indicatorUnit === 'percent') return 'pp';
	return indicatorUnit;
}

/** Axis tick labels: as few digits as the ticks need, counts in compact form (2M). */
export function formatTick(value: number, unit: DisplayUnit, locale = 'en'): string {
	switch (unit) {
		case 'percent':
			return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(value)}%`;
		case 'pp':
			return numberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
				value
			);
		case 'count':
			return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
		default:
			return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
	}
}
