import type { ScatterPoint } from '$lib/charts/ScatterChart.svelte';
import {
	CONNECTIVITY,
	formatEstimate,
	missingReason,
	SERVICES,
	type Area,
	type Connectivity,
	type Service,
	type ServicePoint,
	type ServicesView
} from '$lib/data/services';
import type { TableColumn } from '$lib/ui/tableSort';
import type { ServicesState } from './servicesUrl';

/** The words the services view needs, supplied by the i18n layer so this module stays pure. */
export interface ServicesText {
	locale: string;
	/** A connectivity indicator as an axis name: "Households owning a smartphone". */
	connectivity: (c: Connectivity) => string;
	/** The use of a service as an axis name: "Households that used GePG". */
	serviceUse: (s: Service) => string;
	area: (a: Area) => string;
	/** The place of the national rows: "Tanzania". */
	national: string;
	/** A national point's label beside it: "Tanzania (Urban)". */
	nationalPoint: (area: string) => string;
	/** Why a value is not shown: too few respondents, or none in that area. */
	suppressed: string;
	noSample: (a: Area) => string;
	/** A point's accessible name, with both values. */
	pointLabel: (words: {
		region: string;
		area: string;
		x_label: string;
		x: string;
		y_label: string;
		y: string;
	}) => string;
	/** One line of a point's card: "Households owning a smartphone: 49.8% (41.8–57.7%)". */
	cardLine: (label: string, value: string) => string;
	regionColumn: string;
	areaColumn: string;
	heading: (words: { y: string; x: string; year: string }) => string;
}

/** Everything the services view shows for one choice and the answer to it (null until it comes). */
export interface ServicesModel {
	/** The axis names: connectivity on x, the service's use on y. */
	xName: string;
	yName: string;
	yearText: string;
	heading: string;
	/** The confidence level of the intervals, in percent: "95". */
	level: string;
	/** Whether either indicator drawn is synthetic demonstration data. */
	synthetic: boolean;
	points: ScatterPoint[];
	national: ScatterPoint[];
	/** The regions' points that cannot be drawn, each with the reason: "Dar es Salaam (no rural sample)". */
	notDrawn: string[];
	/** The table: every region's urban and rural row, then the national rows. */
	rows: ServicePoint[];
	columns: TableColumn<ServicePoint>[];
}

export function servicesModel(
	choice: ServicesState,
	view: ServicesView | null,
	indicators: readonly { id: string; synthetic: boolean }[],
	t: ServicesText
): ServicesModel {
	const xName = t.connectivity(choice.connectivity);
	const yName = t.serviceUse(choice.service);
	const yearText = choice.year === null ? '' : String(choice.year);
	const drawn = [SERVICES[choice.service], CONNECTIVITY[choice.connectivity]] as string[];

	const missingText = (p: ServicePoint) =>
		missingReason(p) === 'suppressed' ? t.suppressed : t.noSample(p.area);
	const placeName = (p: ServicePoint) => p.name ?? t.national;
	const estimate = (p: ServicePoint, axis: 'x' | 'y') =>
		formatEstimate(p[axis], t.locale, missingText(p));
	const drawable = (p: ServicePoint) => missingReason(p) === null;

	function toScatter(p: ServicePoint): ScatterPoint {
		const name = placeName(p);
		const area = t.area(p.area);
		const xText = estimate(p, 'x');
		const yText = estimate(p, 'y');
		return {
			id: `${p.code}-${p.area}`,
			group: p.area,
			pair: p.code,
			x: p.x.value!,
			y: p.y.value!,
			xLower: p.x.lower,
			xUpper: p.x.upper,
			yLower: p.y.lower,
			yUpper: p.y.upper,
			label: p.name ?? t.nationalPoint(area),
			description: t.pointLabel({
				region: name,
				area,
				x_label: xName,
				x: xText,
				y_label: yName,
				y: yText
			}),
			card: [`${name}, ${area}`, t.cardLine(xName, xText), t.cardLine(yName, yText)]
		};
	}

	return {
		xName,
		yName,
		yearText,
		heading: t.heading({ y: yName, x: xName, year: yearText }),
		level: String(Math.round((view?.ciLevel ?? 0.95) * 100)),
		synthetic: indicators.some((i) => i.synthetic && drawn.includes(i.id)),
		points: view?.regions.filter(drawable).map(toScatter) ?? [],
		national: view?.national.filter(drawable).map(toScatter) ?? [],
		notDrawn: (view?.regions ?? [])
			.filter((p) => !drawable(p))
			.map((p) => `${placeName(p)} (${missingText(p)})`),
		rows: view ? [...view.regions, ...view.national] : [],
		columns: [
			{ key: 'region', label: t.regionColumn, value: placeName },
			{ key: 'area', label: t.areaColumn, value: (p) => t.area(p.area) },
			{
				key: 'x',
				label: xName,
				value: (p) => p.x.value,
				text: (p) => estimate(p, 'x'),
				numeric: true
			},
			{
				key: 'y',
				label: yName,
				value: (p) => p.y.value,
				text: (p) => estimate(p, 'y'),
				numeric: true
			}
		]
	};
}
