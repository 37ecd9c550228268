import { scaleLinear } from 'd3';

/** About how wide a character of a 12 px label is. */
const CHAR_WIDTH = 6.5;

/**
 * A ranked chart's margins: at the left, room for the longest region name; at the right, room for
 * the longest value text, and at least `minRight`; neither ever most of the width.
 */
export function rowMargins(
	rows: readonly { name: string; valueText: string }[],
	width: number,
	minRight: number
): { left: number; right: number } {
	const nameWidth = Math.max(0, ...rows.map((r) => r.name.length)) * CHAR_WIDTH + 14;
	const valueWidth = Math.max(0, ...rows.map((r) => r.valueText.length)) * CHAR_WIDTH + 10;
	return {
		left: Math.min(nameWidth, width * 0.45),
		right: Math.min(Math.max(minRight, valueWidth), width * 0.3)
	};
}

/**
 * A ranked bar chart's x extent, rounded out: the regions' values, intervals and earlier values,
 * and zero, where bars start; `fixed` instead when given (a share's 0–100). A national figure far
 * outside the regions (a count whose total dwarfs every region) does not stretch the axis: it is
 * drawn only when it falls on the scale, and stated in text otherwise.
 */
export function barDomain(
	rows: readonly {
		value: number | null;
		lower: number | null;
		upper: number | null;
		previous: number | null;
	}[],
	national: number | null,
	fixed?: [number, number]
): { domain: [number, number]; nationalOnScale: boolean } {
	const known = rows
		.flatMap((r) => [r.value, r.lower, r.upper, r.previous])
		.filter((v): v is number => v !== null && Number.isFinite(v));
	const extent: [number, number] = fixed ?? [Math.min(0, ...known), Math.max(0, ...known, 1e-9)];
	const domain = scaleLinear().domain(extent).nice().domain() as [number, number];
	return {
		domain,
		nationalOnScale: national !== null && national >= domain[0] && national <= domain[1]
	};
}

/**
 * The x scale of a ranked chart of points: over the values drawn (missing ones skipped), always
 * including 0 and at least 1, or over a fixed domain, rounded to nice ticks, between the margins.
 */
export function pointScale(
	values: readonly (number | null)[],
	width: number,
	margin: { left: number; right: number },
	domain?: [number, number]
) {
	const known = values.filter((v): v is number => v !== null);
	return scaleLinear()
		.domain(domain ?? [Math.min(0, ...known), Math.max(1, ...known)])
		.nice()
		.range([margin.left, Math.max(margin.left + 50, width - margin.right)]);
}
