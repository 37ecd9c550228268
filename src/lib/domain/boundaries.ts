import type { BoundaryChange } from '$lib/country';

/**
 * Which changes of the region map fall between two survey rounds, and what each means for a
 * region. A round is placed by the year its fieldwork began: "2015-16" began in 2015, before
 * Songwe was split from Mbeya in 2016, although its data rows carry the year 2016.
 */

/** The first year a period names ("2015-16" → 2015, "2022-06" → 2022), else the row's year. */
export function periodStartYear(period: string | null | undefined, year: number): number {
	const match = /^(\d{4})/.exec(period ?? '');
	return match ? Number(match[1]) : year;
}

/**
 * The changes that happened after the earlier round began and no later than the later one: the
 * map the two rounds were drawn on differs by these. The order of the two years does not matter.
 */
export function boundaryChangesBetween(
	changes: readonly BoundaryChange[],
	yearA: number,
	yearB: number
): BoundaryChange[] {
	const [from, to] = yearA <= yearB ? [yearA, yearB] : [yearB, yearA];
	return changes.filter((c) => c.year > from && c.year <= to);
}

/**
 * A region's part in one change: `created` for a region that came into being, `source` for a
 * region that gave up part of its area. `others` are the regions on the other side (the sources
 * of a created region; the regions created out of a source), by ISO code.
 */
export interface BoundaryNote {
	region: string;
	role: 'created' | 'source';
	year: number;
	others: string[];
}

/** The notes a comparison of rounds A and B carries for one region: none when it was not touched. */
export function boundaryNotesFor(
	changes: readonly BoundaryChange[],
	region: string,
	yearA: number,
	yearB: number
): BoundaryNote[] {
	return boundaryChangesBetween(changes, yearA, yearB).flatMap((c): BoundaryNote[] => {
		if (c.created.includes(region))
			return [{ region, role: 'created', year: c.year, others: [...(c.from ?? [])] }];
		if (c.from?.includes(region))
			return [{ region, role: 'source', year: c.year, others: [...c.created] }];
		return [];
	});
}

/** Every region a comparison of rounds A and B touches, created or source, each once, sorted. */
export function regionsTouched(
	changes: readonly BoundaryChange[],
	yearA: number,
	yearB: number
): string[] {
	const codes = boundaryChangesBetween(changes, yearA, yearB).flatMap((c) => [
		...c.created,
		...(c.from ?? [])
	]);
	return [...new Set(codes)].sort();
}
