import type { Estimate } from '$lib/domain/estimate';
import type { Connector } from '$lib/db/connector';
import { formatValue } from '$lib/i18n/format';
import { servicesScatterQuery, servicesSourcesQuery } from '$lib/sql/servicesQuery';
import { estimateColumns, num, sourceRecord, text, type SourceRecord, type SqlRow } from './sqlRow';

/** The e-services a household may have used, by their short code in the URL. */
export const SERVICES = {
	emrejesho: 'hh_used_emrejesho',
	gepg: 'hh_used_gepg',
	mgov: 'hh_used_mgov'
} as const;
export type Service = keyof typeof SERVICES;

/** The connectivity indicators a service can be set against, by their short code in the URL. */
export const CONNECTIVITY = {
	mobile: 'hh_owns_mobile',
	smartphone: 'hh_owns_smartphone',
	internet: 'hh_used_internet',
	mobile_money: 'hh_uses_mobile_money'
} as const;
export type Connectivity = keyof typeof CONNECTIVITY;

export const SERVICE_CODES = Object.keys(SERVICES) as Service[];
export const CONNECTIVITY_CODES = Object.keys(CONNECTIVITY) as Connectivity[];

export type Area = 'urban' | 'rural';

/** One place × area: connectivity on x, e-service use on y, both in percent of households. */
export interface ServicePoint {
	/** ISO code of the region, or the national code. */
	code: string;
	/** Official name of the region; null for the national rows. */
	name: string | null;
	nameEn: string | null;
	area: Area;
	x: Estimate;
	y: Estimate;
}

/** Why a point cannot be drawn: no respondents at all in that stratum, or too few to show. */
export type Missing = 'no-sample' | 'suppressed' | null;

export interface ServicesView {
	service: Service;
	connectivity: Connectivity;
	year: number;
	regions: ServicePoint[];
	national: ServicePoint[];
	ciLevel: number | null;
	sources: SourceRecord[];
}

function estimate(row: SqlRow, prefix: 'x' | 'y'): Estimate {
	return estimateColumns(row, `${prefix}_value`, prefix);
}

/** Everything the services view draws for one choice, from two small queries. */
export async function fetchServicesView(
	db: Connector,
	service: Service,
	connectivity: Connectivity,
	year: number
): Promise<ServicesView> {
	const [rows, sources] = await Promise.all([
		db.query(servicesScatterQuery(SERVICES[service], CONNECTIVITY[connectivity], year)),
		db.query(servicesSourcesQuery(SERVICES[service], CONNECTIVITY[connectivity], year))
	]);
	const point = (r: SqlRow): ServicePoint => ({
		code: String(r.geo_code),
		name: text(r.name_official),
		nameEn: text(r.name_en),
		area: r.area === 'rural' ? 'rural' : 'urban',
		x: estimate(r, 'x'),
		y: estimate(r, 'y')
	});
	return {
		service,
		connectivity,
		year,
		regions: rows.filter((r) => r.geo_level === 'region').map(point),
		national: rows.filter((r) => r.geo_level === 'national').map(point),
		ciLevel: rows.map((r) => num(r.ci_level)).find((l) => l !== null) ?? null,
		sources: sources.map(sourceRecord)
	};
}

/** A point is drawn only when both of its values are known. */
export function isDrawable(p: ServicePoint): boolean {
	return p.x.value !== null && p.y.value !== null;
}

/** Why a point is not drawn (null when it is). */
export function missingReason(p: ServicePoint): Missing {
	if (isDrawable(p)) return null;
	const noRespondents = (e: Estimate) => e.n === null || e.n === 0;
	return noRespondents(p.x) && noRespondents(p.y) ? 'no-sample' : 'suppressed';
}

/** "45.2% (40.1–50.3%)": a share with its interval, or `missing` when there is no value. */
export function formatEstimate(e: Estimate, locale: string, missing: string): string {
	const value = formatValue(e.value, 'percent', locale, missing);
	if (e.value === null || e.lower === null || e.upper === null) return value;
	const lower = formatValue(e.lower, 'percent', locale).replace('%', '');
	return `${value} (${lower}–${formatValue(e.upper, 'percent', locale)})`;
}

/** Years in which every one of the given indicators has regional values. */
export function commonYears(
	indicators: readonly { id: string; years: readonly number[] }[],
	ids: readonly string[]
): number[] {
	const lists = ids.map((id) => indicators.find((i) => i.id === id)?.years ?? []);
	const [first = [], ...rest] = lists;
	return first.filter((y) => rest.every((l) => l.includes(y))).sort((a, b) => a - b);
}
