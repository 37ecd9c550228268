import type { MapDrawing } from './mapDrawing';

/**
 * Every region's name on an exported map, so a printed map needs no hover card: a name sits on
 * its region where it fits, and otherwise (the small regions: Dar es Salaam, the five Zanzibar
 * regions, and any name that would cover another) in a column of names in the sea to the east,
 * with a leader line from the name to a dot inside its region. Pure, in the figure's pixels: the
 * map is drawn at `scale` from the figure's top left, the column to its right.
 */

export interface ExportLabel {
	iso: string;
	name: string;
	/** Where the text is set: its middle (on the region) or its start (in the column). */
	x: number;
	y: number;
	anchor: 'middle' | 'start';
	/** From a point inside the region to the name in the column; null for a name on its region. */
	leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface ExportLabelLayout {
	labels: ExportLabel[];
	/** The column's left edge and its width (0 when no name needs it). */
	columnX: number;
	columnWidth: number;
}

export interface ExportLabelOptions {
	/** Pixels per drawing unit. */
	scale: number;
	fontSize: number;
	/** Average advance of a letter, as a share of the font size. */
	letterShare?: number;
	/** A region smaller than this share of the largest always gets a leader. */
	smallShare?: number;
	/** The figure's height: the column's names stay inside it. */
	height: number;
}

type Ring = [number, number][];

/** The rings of a path drawn with M, L and Z only (as `drawMap` writes them). */
export function pathRings(d: string): Ring[] {
	const rings: Ring[] = [];
	for (const part of d.split(/(?=[MZ])/)) {
		if (!part.startsWith('M')) continue;
		const points = part
			.slice(1)
			.split('L')
			.map((p) => p.split(',').map(Number) as [number, number])
			.filter((p) => p.length === 2 && p.every(Number.isFinite));
		if (points.length >= 3) rings.push(points);
	}
	return rings;
}

/** Even-odd rule over all rings: holes and islands both count right. */
export function insideRings(rings: readonly Ring[], [x, y]: readonly [number, number]): boolean {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i]!;
			const [xj, yj] = ring[j]!;
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

export interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

export function boxesOverlap(a: Box, b: Box): boolean {
	return !(a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom);
}

/** The box a label's text takes, from its position, anchor and the letter metrics. */
export function labelBox(
	label: Pick<ExportLabel, 'x' | 'y' | 'anchor' | 'name'>,
	fontSize: number,
	letterShare = 0.58
): Box {
	const width = [...label.name].length * fontSize * letterShare;
	const left = label.anchor === 'middle' ? label.x - width / 2 : label.x;
	return {
		left,
		right: left + width,
		top: label.y - fontSize * 0.6,
		bottom: label.y + fontSize * 0.6
	};
}

export function placeExportLabels(
	drawing: MapDrawing,
	names: Readonly<Record<string, string>>,
	options: ExportLabelOptions
): ExportLabelLayout {
	const { scale, fontSize, height } = options;
	const letterShare = options.letterShare ?? 0.58;
	const smallShare = options.smallShare ?? 0.025;
	const largest = Math.max(...drawing.regions.map((r) => r.area));
	const regions = new Map(drawing.regions.map((r) => [r.iso, r]));
	const mapWidth = drawing.width * scale;
	const mapHeight = drawing.height * scale;
	const candidates = drawing.labels
		.filter((l) => names[l.iso] && regions.has(l.iso))
		.map((l) => ({ iso: l.iso, name: names[l.iso]!, x: l.x * scale, y: l.y * scale }))
		.sort(
			(a, b) => regions.get(b.iso)!.area - regions.get(a.iso)!.area || a.iso.localeCompare(b.iso)
		);

	const placed: ExportLabel[] = [];
	const boxes: Box[] = [];
	const callouts: typeof candidates = [];
	// Where a name may sit: on its label point, else nudged a little up, down or sideways, as
	// long as the middle of the text stays on its own region.
	const step = fontSize * 0.9;
	const nudges: [number, number][] = [
		[0, 0],
		[0, -step],
		[0, step],
		[-step * 2, 0],
		[step * 2, 0],
		[-step * 2, -step],
		[step * 2, -step],
		[-step * 2, step],
		[step * 2, step],
		[0, -2 * step],
		[0, 2 * step]
	];
	for (const c of candidates) {
		const region = regions.get(c.iso)!;
		const rings = pathRings(region.d);
		const small = region.area < smallShare * largest;
		const spot = small
			? undefined
			: nudges
					.map(([dx, dy]) => ({ ...c, x: c.x + dx, y: c.y + dy, anchor: 'middle' as const }))
					.find((at) => {
						const box = labelBox(at, fontSize, letterShare);
						return (
							insideRings(rings, [at.x / scale, at.y / scale]) &&
							box.left >= 0 &&
							box.right <= mapWidth &&
							box.top >= 0 &&
							box.bottom <= mapHeight &&
							boxes.every((b) => !boxesOverlap(b, box))
						);
					});
		if (spot) {
			placed.push({ ...spot, leader: null });
			boxes.push(labelBox(spot, fontSize, letterShare));
		} else callouts.push(c);
	}

	// The column: names in the order of their regions from north to south, each as near its
	// region's height as the names above it allow, then moved up together if the last one would
	// fall off the foot.
	const line = fontSize * 1.35;
	const columnX = mapWidth + 24;
	const ordered = callouts.sort((a, b) => a.y - b.y || a.iso.localeCompare(b.iso));
	const ys: number[] = [];
	for (const [i, c] of ordered.entries())
		ys.push(Math.max(c.y, i === 0 ? line / 2 : ys[i - 1]! + line));
	const overflow = (ys.at(-1) ?? 0) - (height - line / 2);
	const shift = overflow > 0 ? Math.min(overflow, (ys[0] ?? 0) - line / 2) : 0;
	let columnWidth = 0;
	for (const [i, c] of ordered.entries()) {
		const y = ys[i]! - shift;
		placed.push({
			iso: c.iso,
			name: c.name,
			x: columnX,
			y,
			anchor: 'start',
			leader: { x1: c.x, y1: c.y, x2: columnX - 4, y2: y }
		});
		columnWidth = Math.max(columnWidth, [...c.name].length * fontSize * letterShare);
	}
	return { labels: placed, columnX, columnWidth: ordered.length ? Math.ceil(columnWidth) + 4 : 0 };
}
