import type { Estimate } from '$lib/domain/estimate';
import type { IndicatorInfo } from '$lib/domain/indicators';
import { gapChangeOf, totalChangeOf } from '$lib/data/viewChanges';
import type { IndicatorView, RegionView } from '$lib/data/views';
import {
	parityRatio,
	type DifferenceEstimate,
	type GapChangeFigures,
	type GapEstimate
} from '$lib/domain/gaps';
import { displayUnit, formatValue, type DisplayUnit } from '$lib/i18n/format';
import { NOTE_SUPPRESSED, NOTE_UNSTABLE } from '$lib/domain/reliability';
import type { TableColumn } from '$lib/ui/tableSort';

/** Column headers, in the UI language. */
export interface TableText {
	locale: string;
	noData: string;
	region: string;
	total: string;
	urban: string;
	rural: string;
	gap: string;
	parity: string;
	/** "Interval" header suffix, e.g. "Total, interval". */
	interval: string;
	change: (year: string) => string;
	previous: (year: string) => string;
	/** "Gap in 2015-16", "Change in the gap since 2015-16". */
	gapIn: (year: string) => string;
	gapChange: (year: string) => string;
	respondents: string;
	notSignificantMark: string;
	/** Header of the column that flags estimates on few respondents, and the two flags. */
	reliability: string;
	unstable: string;
	suppressed: string;
}

/**
 * The table behind the chart and the map: the same numbers, with their intervals, one row per
 * region. It is the accessible alternative to both, and what analysts copy from.
 */
export function explorerTableColumns(
	view: IndicatorView,
	indicator: IndicatorInfo,
	gaps: Readonly<Record<string, GapEstimate | null>>,
	regionName: (r: RegionView) => string,
	t: TableText
): TableColumn<RegionView>[] {
	const unit = displayUnit(indicator.unit, 'total');
	const diffUnit = displayUnit(indicator.unit, 'gap');
	const fmt = (v: number | null, u: DisplayUnit = unit) => formatValue(v, u, t.locale, t.noData);
	const range = (lower: number | null, upper: number | null, u: DisplayUnit = unit) =>
		lower === null || upper === null ? '' : `${fmt(lower, u)} – ${fmt(upper, u)}`;
	const estimate = (key: string, label: string, pick: (r: RegionView) => Estimate) => [
		{
			key,
			label,
			numeric: true,
			value: (r: RegionView) => pick(r).value,
			text: (r: RegionView) => fmt(pick(r).value)
		},
		{
			key: `${key}_ci`,
			label: `${label}, ${t.interval}`,
			numeric: true,
			value: (r: RegionView) => pick(r).lower,
			text: (r: RegionView) => range(pick(r).lower, pick(r).upper)
		}
	];
	const hasPrevious = view.regions.some((r) => r.previousTotal.value !== null);
	const previousYear = view.regions.find((r) => r.previousYear !== null)?.previousYear ?? null;
	const hasN = view.regions.some((r) => r.total.n !== null);

	const columns: TableColumn<RegionView>[] = [
		{ key: 'region', label: t.region, value: (r) => regionName(r) },
		...estimate('total', t.total, (r) => r.total)
	];
	if (indicator.hasUrbanRural) {
		columns.push(
			...estimate('urban', t.urban, (r) => r.urban),
			...estimate('rural', t.rural, (r) => r.rural),
			{
				key: 'gap',
				label: t.gap,
				numeric: true,
				value: (r) => gaps[r.iso]?.gap ?? null,
				text: (r) => {
					const g = gaps[r.iso];
					if (!g) return t.noData;
					return `${fmt(g.gap, diffUnit)}${g.significant === false ? ` ${t.notSignificantMark}` : ''}`;
				}
			},
			{
				key: 'gap_ci',
				label: `${t.gap}, ${t.interval}`,
				numeric: true,
				value: (r) => gaps[r.iso]?.lower ?? null,
				text: (r) => range(gaps[r.iso]?.lower ?? null, gaps[r.iso]?.upper ?? null, diffUnit)
			},
			{
				key: 'parity',
				label: t.parity,
				numeric: true,
				value: (r) => parityRatio(r.urban.value, r.rural.value),
				text: (r) => fmt(parityRatio(r.urban.value, r.rural.value), 'ratio')
			}
		);
	}
	/** A change with its "ns" mark, and its interval in a column of its own. */
	const moved = (
		key: string,
		label: string,
		pick: (r: RegionView) => DifferenceEstimate | null | undefined
	): TableColumn<RegionView>[] => [
		{
			key,
			label,
			numeric: true,
			value: (r) => pick(r)?.value ?? null,
			text: (r) => {
				const d = pick(r);
				if (!d) return t.noData;
				return `${fmt(d.value, diffUnit)}${d.significant === false ? ` ${t.notSignificantMark}` : ''}`;
			}
		},
		{
			key: `${key}_ci`,
			label: `${label}, ${t.interval}`,
			numeric: true,
			value: (r) => pick(r)?.lower ?? null,
			text: (r) => range(pick(r)?.lower ?? null, pick(r)?.upper ?? null, diffUnit)
		}
	];
	if (hasPrevious && previousYear !== null) {
		const year = String(previousYear);
		columns.push(
			{
				key: 'previous',
				label: t.previous(year),
				numeric: true,
				value: (r) => r.previousTotal.value,
				text: (r) => fmt(r.previousTotal.value)
			},
			...moved('change', t.change(year), (r) => totalChangeOf(view, r).estimate)
		);
	}
	const gapChanges = indicator.hasUrbanRural
		? new Map(view.regions.map((r) => [r.iso, gapChangeOf(view, r)]))
		: new Map<string, GapChangeFigures>();
	const hasPreviousGap = [...gapChanges.values()].some((g) => g.then);
	if (hasPreviousGap && previousYear !== null) {
		const year = String(previousYear);
		columns.push(
			{
				key: 'gap_previous',
				label: t.gapIn(year),
				numeric: true,
				value: (r) => gapChanges.get(r.iso)?.then?.gap ?? null,
				text: (r) => fmt(gapChanges.get(r.iso)?.then?.gap ?? null, diffUnit)
			},
			...moved('gapChange', t.gapChange(year), (r) => gapChanges.get(r.iso)?.estimate)
		);
	}
	if (hasN) {
		columns.push({
			key: 'n',
			label: t.respondents,
			numeric: true,
			value: (r) => r.total.n,
			text: (r) => fmt(r.total.n, 'count')
		});
		// Which of the region's estimates rest on fewer than 25 (or 10) respondents, as DHS flags them.
		const areas = [
			[t.total, (r: RegionView) => r.total],
			...(indicator.hasUrbanRural
				? ([
						[t.urban, (r: RegionView) => r.urban],
						[t.rural, (r: RegionView) => r.rural]
					] as const)
				: [])
		] as const;
		const flags = (r: RegionView) =>
			areas.flatMap(([label, pick]) => {
				const note = pick(r).note;
				if (note === NOTE_SUPPRESSED) return [{ weight: 2, text: `${label}: ${t.suppressed}` }];
				if (note === NOTE_UNSTABLE) return [{ weight: 1, text: `${label}: ${t.unstable}` }];
				return [];
			});
		columns.push({
			key: 'reliability',
			label: t.reliability,
			numeric: true,
			value: (r) => flags(r).reduce((sum, f) => sum + f.weight, 0),
			text: (r) =>
				flags(r)
					.map((f) => f.text)
					.join('; ')
		});
	}
	return columns;
}
