import type { Area, Connectivity, Service } from '$lib/data/services';
import { m } from '$lib/paraglide/messages.js';
import type { ServicesText } from './servicesModel';
import type { ServicesUrlProblem } from './servicesUrl';

/** The services view's words in the current UI language. */

export const serviceName = (s: Service): string =>
	({
		emrejesho: m.services_service_emrejesho,
		gepg: m.services_service_gepg,
		mgov: m.services_service_mgov
	})[s]();

const serviceUse = (s: Service): string =>
	({
		emrejesho: m.services_used_emrejesho,
		gepg: m.services_used_gepg,
		mgov: m.services_used_mgov
	})[s]();

export const connectivityName = (c: Connectivity): string =>
	({
		mobile: m.services_conn_mobile,
		smartphone: m.services_conn_smartphone,
		internet: m.services_conn_internet,
		mobile_money: m.services_conn_mobile_money
	})[c]();

const areaName = (a: Area): string =>
	a === 'urban' ? m.services_area_urban() : m.services_area_rural();

export const noSample = (a: Area): string =>
	a === 'urban' ? m.services_no_urban_sample() : m.services_no_rural_sample();

export function servicesText(locale: string): ServicesText {
	return {
		locale,
		connectivity: connectivityName,
		serviceUse,
		area: areaName,
		national: m.services_national(),
		nationalPoint: (area) => m.services_national_point({ area }),
		suppressed: m.services_suppressed(),
		noSample,
		pointLabel: (words) => m.services_point_label(words),
		cardLine: (label, value) => m.services_card_line({ label, value }),
		regionColumn: m.services_col_region(),
		areaColumn: m.services_col_area(),
		heading: (words) => m.services_chart_heading(words)
	};
}

const paramName = (p: ServicesUrlProblem['param']): string =>
	p === 'service'
		? m.services_control_service()
		: p === 'connectivity'
			? m.services_control_connectivity()
			: m.services_control_year();

export const urlProblemText = (p: ServicesUrlProblem): string =>
	m.services_url_unknown({ param: paramName(p.param), value: p.value });
