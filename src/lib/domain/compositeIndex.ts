/**
 * A composite digital-divide index per region.
 *
 * Method: each component (an indicator and measure, e.g. the urban–rural gap in mobile phone
 * ownership) is rescaled across regions by min–max to 0…1, oriented so that 1 is always the widest
 * divide (a gap: larger is worse; a level such as ownership: lower is worse). A region's index is
 * the weighted mean of its rescaled components, over the components it has values for; a region
 * with values for less than half of the total weight gets no index. Min–max keeps each
 * component's ranking and spreads it over the same range, so weights mean what they say; it is
 * relative to the regions shown, not an absolute standard.
 */

export interface IndexComponent {
	id: string;
	/** Value per region code; null or absent for no data. */
	values: Readonly<Record<string, number | null>>;
	/** 'gap': larger is a wider divide; 'level': smaller is a wider divide. */
	direction: 'gap' | 'level';
	weight: number;
}

export interface IndexRow {
	region: string;
	index: number | null;
	/** The rescaled 0…1 score of each component (null where the region has no value). */
	scores: Record<string, number | null>;
	rank: number | null;
}

export function minMaxScores(
	values: Readonly<Record<string, number | null>>,
	direction: 'gap' | 'level'
): Record<string, number | null> {
	const known = Object.values(values).filter((v): v is number => v !== null && Number.isFinite(v));
	const lo = Math.min(...known);
	const hi = Math.max(...known);
	const out: Record<string, number | null> = {};
	for (const [region, v] of Object.entries(values)) {
		if (v === null || !Number.isFinite(v)) out[region] = null;
		else if (hi === lo) out[region] = 0.5;
		else out[region] = direction === 'gap' ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo);
	}
	return out;
}

export function compositeIndex(
	regions: readonly string[],
	components: readonly IndexComponent[]
): IndexRow[] {
	const active = components.filter((c) => c.weight > 0);
	const totalWeight = active.reduce((s, c) => s + c.weight, 0);
	const scored = active.map((c) => ({ c, scores: minMaxScores(c.values, c.direction) }));
	const rows: IndexRow[] = regions.map((region) => {
		let sum = 0;
		let weight = 0;
		const scores: Record<string, number | null> = {};
		for (const { c, scores: s } of scored) {
			const v = s[region] ?? null;
			scores[c.id] = v;
			if (v !== null) {
				sum += c.weight * v;
				weight += c.weight;
			}
		}
		const index = totalWeight > 0 && weight >= totalWeight / 2 ? sum / weight : null;
		return { region, index, scores, rank: null };
	});
	const ranked = rows.filter((r) => r.index !== null).sort((a, b) => b.index! - a.index!);
	ranked.forEach((r, i) => (r.rank = i + 1));
	return rows;
}
