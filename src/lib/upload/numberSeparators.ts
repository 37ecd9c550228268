/**
 * The decimal and thousands separators a sample's numbers use: which of "1.234,5", "1,234.5",
 * "1 234,5" and "1'234.5" its number-like cells are written as, with the evidence.
 */
import { because, type Evidence } from './evidence';
import type { Delimiter, Dialect, ThousandsSeparator } from './types';

/** A cell that could be a number in some writing of one (digits, separators, a percent sign). */
export const looksNumeric = (cell: string) =>
	/^[+-]?[0-9][0-9.,' \u00a0\u202f]*%?$/.test(cell.trim());

const GROUPED = {
	',': /^[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?%?$/,
	'.': /^[+-]?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?%?$/,
	' ': /^[+-]?[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:[.,][0-9]+)?%?$/,
	"'": /^[+-]?[0-9]{1,3}(?:'[0-9]{3})+(?:[.,][0-9]+)?%?$/
} as const;

/** The separators the sample's number-like cells are written with; the reasons go to `evidence`. */
export function chooseSeparators(
	cells: string[],
	delimiter: Delimiter,
	evidence: Evidence[]
): { decimal: Dialect['decimal']; thousands: ThousandsSeparator } {
	let dotDecimal = 0;
	let commaDecimal = 0;
	const grouped: Record<keyof typeof GROUPED, number> = { ',': 0, '.': 0, ' ': 0, "'": 0 };
	let ambiguousComma = 0;
	let ambiguousDot = 0;
	for (const raw of cells) {
		const t = raw.trim();
		if (!/[0-9]/.test(t) || !looksNumeric(t)) continue;
		const lastComma = t.lastIndexOf(',');
		const lastDot = t.lastIndexOf('.');
		if (lastComma >= 0 && lastDot >= 0) {
			if (lastComma > lastDot) commaDecimal++;
			else dotDecimal++;
		} else if (/^[+-]?[0-9]*,[0-9]+%?$/.test(t)) {
			if (/^[+-]?[0-9]{1,3},[0-9]{3}%?$/.test(t)) ambiguousComma++;
			else commaDecimal++;
		} else if (/^[+-]?[0-9]*\.[0-9]+%?$/.test(t)) {
			if (/^[+-]?[0-9]{1,3}\.[0-9]{3}%?$/.test(t)) ambiguousDot++;
			else dotDecimal++;
		}
		for (const sep of Object.keys(GROUPED) as (keyof typeof GROUPED)[]) {
			// "1,234" alone could be a decimal: it was counted as ambiguous above.
			const single = /^[+-]?[0-9]{1,3}[,.][0-9]{3}%?$/.test(t);
			if (GROUPED[sep].test(t) && !single) grouped[sep]++;
		}
	}
	let decimal: Dialect['decimal'];
	if (commaDecimal !== dotDecimal) decimal = commaDecimal > dotDecimal ? ',' : '.';
	else if (ambiguousDot > 0 && ambiguousComma === 0) decimal = ',';
	else decimal = delimiter === ';' && ambiguousComma > 0 ? ',' : '.';
	evidence.push(
		decimal === ','
			? because('decimal_comma', { count: commaDecimal, other: dotDecimal })
			: because('decimal_point', { count: dotDecimal, other: commaDecimal })
	);
	const options: ThousandsSeparator[] = decimal === ',' ? ['.', ' ', "'"] : [',', ' ', "'"];
	const score = (s: ThousandsSeparator) =>
		grouped[s as keyof typeof GROUPED] +
		(s === ',' && decimal === '.' ? ambiguousComma : 0) +
		(s === '.' && decimal === ',' ? ambiguousDot : 0);
	const best = options.reduce((a, b) => (score(b) > score(a) ? b : a));
	const thousands: ThousandsSeparator = score(best) > 0 ? best : '';
	evidence.push(
		thousands === ''
			? because('no_thousands')
			: because('thousands', { separator: thousands, count: score(thousands) })
	);
	return { decimal, thousands };
}
