import type { Connector } from '$lib/db/connector';
import {
	nationalValuesQuery,
	otherGeographiesQuery,
	regionValuesQuery,
	viewSourcesQuery
} from '$lib/sql/viewQueries';

export interface AreaEstimate {
	value: number | null;
	lower: number | null;
	upper: number | null;
	se: number | null;
	n: number | null;
	note: string | null;
}

export interface RegionView {
	iso: string;
	nbsCode: string;
	nameOfficial: string;
	nameEn: string;
	zone: string;
	population: number;
	total: AreaEstimate;
	urban: AreaEstimate;
	rural: AreaEstimate;
	previousYear: number | null;
	previousTotal: AreaEstimate;
}

export interface SourceRecord {
	id: string;
	title: string;
	publisher: string;
	year: string | null;
	licence: string;
	note: string | null;
}

export interface IndicatorView {
	indicatorId: string;
	year: number;
	regions: RegionView[];
	/** Confidence level of the intervals drawn (0.90 for DHS, 0.95 for our estimates), if any. */
	ciLevel: number | null;
	national: { total: AreaEstimate; urban: AreaEstimate; rural: AreaEstimate } | null;
	sources: SourceRecord[];
	islands: { code: string; value: number | null }[];
}

type SqlRow = Record<string, unknown>;

const num = (v: unknown): number | null =>
	v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? null : Number(v);
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function area(row: SqlRow, prefix: string): AreaEstimate {
	return {
		value: num(row[prefix]),
		lower: num(row[`${prefix}_lower`]),
		upper: num(row[`${prefix}_upper`]),
		se: num(row[`${prefix}_se`]),
		n: num(row[`${prefix}_n`]),
		note: text(row[`${prefix}_note`])
	};
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
	const nationalView = nat ? { total: area(nat, 'total'), urban: area(nat, 'urban'), rural: area(nat, 'rural') } : null;
	return {
		indicatorId,
		year,
		ciLevel: regions.map((r) => num(r.ci_level)).find((l) => l !== null) ?? null,
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
			previousTotal: {
				value: num(r.previous_total),
				lower: num(r.previous_total_lower),
				upper: num(r.previous_total_upper),
				se: null,
				n: null,
				note: null
			}
		})),
		national:
			nationalView && [nationalView.total, nationalView.urban, nationalView.rural].some((a) => a.value !== null)
				? nationalView
				: null,
		sources: sources.map((s) => ({
			id: String(s.source_id),
			title: String(s.title),
			publisher: String(s.publisher),
			year: text(s.year),
			licence: String(s.licence),
			note: text(s.note)
		})),
		islands: islands
			.filter((i) => i.area === 'total')
			.map((i) => ({ code: String(i.geo_code), value: num(i.value) }))
	};
}
