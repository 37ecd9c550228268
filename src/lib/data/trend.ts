import type { Connector } from '$lib/db/connector';
import { trendQuery } from '$lib/sql/trendQuery';
import { num, text, type SqlRow } from './sqlRow';

/** One estimate of a round: value, interval and standard error, any of them missing. */
export interface RoundEstimate {
	value: number | null;
	lower: number | null;
	upper: number | null;
	se: number | null;
}

/** One survey round of one place: total, urban and rural, at the round's confidence level. */
export interface TrendRound {
	year: number;
	/** The period as published ("2015-16"); the year as text when none is given. */
	period: string;
	ciLevel: number | null;
	total: RoundEstimate;
	urban: RoundEstimate;
	rural: RoundEstimate;
}

/** Every round of one indicator: per region (by ISO code), and the national figure's rounds. */
export interface TrendData {
	indicatorId: string;
	regions: { code: string; rounds: TrendRound[] }[];
	national: TrendRound[];
}

function estimate(row: SqlRow, area: string): RoundEstimate {
	return {
		value: num(row[`${area}_value`]),
		lower: num(row[`${area}_lower`]),
		upper: num(row[`${area}_upper`]),
		se: num(row[`${area}_se`])
	};
}

function round(row: SqlRow): TrendRound {
	const year = Number(row.year);
	return {
		year,
		period: text(row.period) ?? String(year),
		ciLevel: num(row.ci_level),
		total: estimate(row, 'total'),
		urban: estimate(row, 'urban'),
		rural: estimate(row, 'rural')
	};
}

/** Rows of `trendQuery` as rounds per place, in year order (the query's order). */
export function trendFromRows(indicatorId: string, rows: readonly SqlRow[]): TrendData {
	const regions = new Map<string, TrendRound[]>();
	const national: TrendRound[] = [];
	for (const row of rows) {
		if (row.geo_level === 'national') {
			national.push(round(row));
			continue;
		}
		const code = String(row.geo_code);
		const rounds = regions.get(code) ?? [];
		rounds.push(round(row));
		regions.set(code, rounds);
	}
	return {
		indicatorId,
		regions: [...regions].map(([code, rounds]) => ({ code, rounds })),
		national
	};
}

/** Every region-level and national round of one indicator. */
export async function fetchTrend(db: Connector, indicatorId: string): Promise<TrendData> {
	return trendFromRows(indicatorId, await db.query(trendQuery(indicatorId)));
}
