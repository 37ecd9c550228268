/**
 * Moving across the map by arrow key: from one region to the region that lies that way on the
 * map, as a person looking at it would expect, not to the next name in the alphabet.
 */

export type MapDirection = 'left' | 'right' | 'up' | 'down';

/** A region's centre in the drawing's units: x grows eastwards, y grows southwards (SVG). */
export interface RegionCentre {
	iso: string;
	centre: readonly [number, number];
}

const UNIT: Record<MapDirection, readonly [number, number]> = {
	right: [1, 0],
	left: [-1, 0],
	up: [0, -1],
	down: [0, 1]
};

/** How far off the arrow's direction a region may lie and still be reached by it. */
export const NEIGHBOUR_CONE_DEGREES = 60;

/** The arrow key a keyboard event names, if any. */
export function arrowDirection(key: string): MapDirection | null {
	if (key === 'ArrowRight') return 'right';
	if (key === 'ArrowLeft') return 'left';
	if (key === 'ArrowUp') return 'up';
	if (key === 'ArrowDown') return 'down';
	return null;
}

/**
 * The region an arrow key moves to from `from`: among the regions whose centre lies within
 * ±60° of the direction, the one with the smallest distance × (1 + angle / 60°), so a region
 * straight ahead wins over a slightly nearer one off to the side (at the cone's edge a region
 * counts as twice as far). Null when no region lies that way (the sea east of Dar es Salaam):
 * the key then leaves the card where it is. Ties go to the lower ISO code.
 */
export function neighbourInDirection(
	regions: readonly RegionCentre[],
	from: string,
	direction: MapDirection
): string | null {
	const origin = regions.find((r) => r.iso === from);
	if (!origin) return null;
	const [ux, uy] = UNIT[direction];
	let best: { iso: string; cost: number } | null = null;
	for (const region of regions) {
		if (region.iso === from) continue;
		const dx = region.centre[0] - origin.centre[0];
		const dy = region.centre[1] - origin.centre[1];
		const distance = Math.hypot(dx, dy);
		if (distance === 0) continue;
		const cosine = Math.min(1, Math.max(-1, (dx * ux + dy * uy) / distance));
		const degrees = (Math.acos(cosine) * 180) / Math.PI;
		if (degrees > NEIGHBOUR_CONE_DEGREES) continue;
		const cost = distance * (1 + degrees / NEIGHBOUR_CONE_DEGREES);
		if (!best || cost < best.cost || (cost === best.cost && region.iso < best.iso)) {
			best = { iso: region.iso, cost };
		}
	}
	return best?.iso ?? null;
}

/**
 * Where the arrow keys start when no region is shown yet: the region whose centre is nearest
 * the middle of the drawing.
 */
export function middleRegion(
	regions: readonly RegionCentre[],
	size: { width: number; height: number }
): string | null {
	let best: { iso: string; distance: number } | null = null;
	for (const region of regions) {
		const distance = Math.hypot(
			region.centre[0] - size.width / 2,
			region.centre[1] - size.height / 2
		);
		if (!best || distance < best.distance) best = { iso: region.iso, distance };
	}
	return best?.iso ?? null;
}
