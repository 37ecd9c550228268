/**
 * Layout for the scatter chart, as pure functions: axis extents and where region labels go.
 * Kept out of the component so each number can be checked in a unit test.
 */

/**
 * An axis extent for shares in percent that covers every value and interval end, padded a little
 * and rounded outwards to `step`, never beyond 0–100. A tight cluster keeps at least `minSpan`.
 */
export function shareDomain(
	values: readonly (number | null | undefined)[],
	step = 10,
	minSpan = 20
): [number, number] {
	const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
	if (known.length === 0) return [0, 100];
	let lo = Math.min(...known);
	let hi = Math.max(...known);
	const pad = Math.max((hi - lo) * 0.05, 1);
	lo = Math.max(0, Math.floor((lo - pad) / step) * step);
	hi = Math.min(100, Math.ceil((hi + pad) / step) * step);
	while (hi - lo < minSpan && (lo > 0 || hi < 100)) {
		if (hi < 100) hi = Math.min(100, hi + step);
		if (hi - lo < minSpan && lo > 0) lo = Math.max(0, lo - step);
	}
	return [lo, hi];
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface LabelCandidate {
	id: string;
	/** The point's position in pixels. */
	x: number;
	y: number;
	text: string;
	/** Always labelled (e.g. the national points): takes its best side even over other points. */
	always?: boolean;
}

export interface PlacedLabel {
	id: string;
	/** Anchor of the text in pixels: `x` is its start, end or middle as `anchor` says; `y` its baseline. */
	x: number;
	y: number;
	anchor: 'start' | 'end' | 'middle';
	box: Box;
}

/** A rough width of a label in pixels: good enough to keep labels apart, no DOM needed. */
export function estimateTextWidth(text: string, fontSize: number): number {
	return text.length * fontSize * 0.58;
}

export function overlaps(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(box: Box, bounds: Box): boolean {
	return (
		box.x >= bounds.x &&
		box.y >= bounds.y &&
		box.x + box.width <= bounds.x + bounds.width &&
		box.y + box.height <= bounds.y + bounds.height
	);
}

/**
 * A simple greedy collision pass: each label tries right, left, above and below its point, and
 * takes the first place that stays inside `bounds` and clears every label already placed and
 * every point (a square of 2 × `radius` about it). A label with no free place is left out (the
 * point still names itself on hover and focus). Candidates are taken in the order given, so the
 * caller decides which labels win. A label marked `always` that finds no free place takes the
 * first side that stays inside the bounds and clears the labels already placed, or else its
 * right side.
 */
export function placeLabels(
	candidates: readonly LabelCandidate[],
	bounds: Box,
	options: { fontSize?: number; radius?: number; gap?: number } = {}
): PlacedLabel[] {
	const { fontSize = 11, radius = 5, gap = 3 } = options;
	const height = fontSize;
	const markers: Box[] = candidates.map((c) => ({
		x: c.x - radius,
		y: c.y - radius,
		width: 2 * radius,
		height: 2 * radius
	}));
	const placed: PlacedLabel[] = [];
	for (const c of candidates) {
		const width = estimateTextWidth(c.text, fontSize);
		const off = radius + gap;
		const options: PlacedLabel[] = [
			{
				id: c.id,
				x: c.x + off,
				y: c.y + height * 0.35,
				anchor: 'start',
				box: { x: c.x + off, y: c.y - height / 2, width, height }
			},
			{
				id: c.id,
				x: c.x - off,
				y: c.y + height * 0.35,
				anchor: 'end',
				box: { x: c.x - off - width, y: c.y - height / 2, width, height }
			},
			{
				id: c.id,
				x: c.x,
				y: c.y - off - height * 0.15,
				anchor: 'middle',
				box: { x: c.x - width / 2, y: c.y - off - height, width, height }
			},
			{
				id: c.id,
				x: c.x,
				y: c.y + off + height * 0.85,
				anchor: 'middle',
				box: { x: c.x - width / 2, y: c.y + off, width, height }
			}
		];
		const free = options.find(
			(o) =>
				inside(o.box, bounds) &&
				!placed.some((p) => overlaps(p.box, o.box)) &&
				!markers.some((mk) => overlaps(mk, o.box))
		);
		const forced = c.always
			? (options.find(
					(o) => inside(o.box, bounds) && !placed.some((p) => overlaps(p.box, o.box))
				) ?? options[0])
			: undefined;
		const chosen = free ?? forced;
		if (chosen) placed.push(chosen);
	}
	return placed;
}
