import type { Estimate } from '$lib/domain/estimate';
import type { Connector } from '$lib/db/connector';
import { estimateColumns, num, sourceRecord, type SourceRecord, type SqlRow } from './sqlRow';
import {
	nationalValuesQuery,
	otherGeographiesQuery,
	regionValuesQuery,
	viewSourcesQuery
} from '$lib/sql/viewQueries';

export interface RegionView {
	iso: string;
	nbsCode: string;
	nameOfficial: string;
	nameEn: string;
	zone: string;
	population: number;
	total: Estimate;
	urban: Estimate;
	rural: Estimate;
	previousYear: number | null;
	previousTotal: Estimate;
	/** Urban and rural of the previous round, for the change in the gap; absent in older fixtures. */
	previousUrban?: Estimate;
	previousRural?: Estimate;
}

export type { SourceRecord } from './sqlRow';

export interface IndicatorView {
	indicatorId: string;
	year: number;
	regions: RegionView[];
	/** Confidence level of the intervals drawn (0.90 for DHS, 0.95 for our estimates), if any. */
	ciLevel: number | null;
	/** Confidence level of the previous round's intervals, when it has any. */
	previousCiLevel?: number | null;
	national: { total: Estimate; urban: Estimate; rural: Estimate } | null;
	sources: SourceRecord[];
	islands: { code: string; value: number | null }[];
}

function area(row: SqlRow, prefix: string): Estimate {
	return estimateColumns(row, prefix, prefix);
}

/** Everything one indicator-year view draws, from four small queries. */
export async function fetchIndicatorView(
	db: Connector,
	indicatorId: string,
	year: number
): Promise<IndicatorView> {
	const [regions, national, sources, islands] = await Promise.all([
		db.query(regionValuesQuery(indicatorId, year)),
		db.query(nationalValuesQuery(indicatorId, year)),
		db.query(viewSourcesQuery(indicatorId, year)),
		db.query(otherGeographiesQuery(indicatorId, year))
	]);
	const nat = national[0];
	const nationalView = nat
		? { total: area(nat, 'total'), urban: area(nat, 'urban'), rural: area(nat, 'rural') }
		: null;
	return {
		indicatorId,
		year,
		ciLevel: regions.map((r) => num(r.ci_level)).find((l) => l !== null) ?? null,
		previousCiLevel: regions.map((r) => num(r.previous_ci_level)).find((l) => l !== null) ?? null,
		regions: regions.map((r) => ({
			iso: String(r.iso_code),
			nbsCode: String(r.nbs_code),
			nameOfficial: String(r.name_official),
			nameEn: String(r.name_en),
			zone: String(r.zone),
			population: Number(r.population_2022),
			total: area(r, 'total'),
			urban: area(r, 'urban'),
			rural: area(r, 'rural'),
			previousYear: num(r.previous_year),
			previousTotal: area(r, 'previous_total'),
			previousUrban: area(r, 'previous_urban'),
			previousRural: area(r, 'previous_rural')
		})),
		national:
			nationalView &&
			[nationalView.total, nationalView.urban, nationalView.rural].some((a) => a.value !== null)
				? nationalView
				: null,
		sources: sources.map(sourceRecord),
		islands: islands
			.filter((i) => i.area === 'total')
			.map((i) => ({ code: String(i.geo_code), value: num(i.value) }))
	};
}
