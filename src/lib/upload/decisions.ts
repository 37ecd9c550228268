import { country } from '$lib/country';
import { matchRegionName, regionNameIndex, type Region } from '$lib/domain/regions';
import { nationalName } from './regionMatch';
import type { RegionDecision } from './importSql';
import type { RegionNameReview } from './types';

/**
 * The reviewed names as the import needs them: a region's ISO code, an island total's code (as
 * the bundled data writes it, UNGUJA / PEMBA), or nothing for zones and names left unmatched.
 */
export function regionDecisions(
	reviews: readonly RegionNameReview[],
	regions: readonly Region[]
): RegionDecision[] {
	const index = regionNameIndex(regions);
	const national = nationalReviews(reviews, regions);
	return reviews.map((r): RegionDecision => {
		if (national.has(r.written)) {
			return { written: r.written, kind: 'national', code: country.nationalCode };
		}
		if (r.status === 'matched' && r.isoCode !== null) {
			return { written: r.written, kind: 'region', code: r.isoCode };
		}
		if (r.status === 'island') {
			const match = matchRegionName(r.written, index);
			const code = match.status === 'island' ? match.island.toUpperCase() : null;
			return { written: r.written, kind: code ? 'island' : 'none', code };
		}
		return { written: r.written, kind: r.status === 'zone' ? 'zone' : 'none', code: null };
	});
}

/**
 * The written names that are the national figure: a total named as the country ("Tanzania",
 * "TZ", "National"), or a plain total ("Total", "Jumla") in a file whose regions are all there. A
 * total of some regions is a figure for those regions only, and stays a zone total, kept aside.
 */
export function nationalReviews(
	reviews: readonly RegionNameReview[],
	regions: readonly Region[]
): Set<string> {
	const covered = new Set(reviews.filter((r) => r.status === 'matched').map((r) => r.isoCode));
	const everyRegion = regions.length > 0 && regions.every((r) => covered.has(r.isoCode));
	return new Set(
		reviews
			.filter((r) => r.status === 'zone')
			.filter((r) => {
				const kind = nationalName(r.written);
				return kind === 'named' || (kind === 'total' && everyRegion);
			})
			.map((r) => r.written)
	);
}
