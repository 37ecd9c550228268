import { matchRegionName, regionNameIndex, type Region } from '$lib/domain/regions';
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
	return reviews.map((r): RegionDecision => {
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
