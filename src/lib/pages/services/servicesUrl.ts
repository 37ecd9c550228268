import {
	commonYears,
	CONNECTIVITY,
	CONNECTIVITY_CODES,
	SERVICE_CODES,
	SERVICES,
	type Connectivity,
	type Service
} from '$lib/data/services';
import { chosenYear, isOneOf } from '../urlParams';

/** What a person chose on the services view; all of it lives in the URL. */
export interface ServicesState {
	service: Service;
	connectivity: Connectivity;
	year: number | null;
	/** Whether a thin line joins each region's urban and rural points. */
	links: boolean;
}

export type ServicesUrlProblem = { param: 'service' | 'connectivity' | 'year'; value: string };

export const DEFAULT_SERVICE: Service = 'gepg';
export const DEFAULT_CONNECTIVITY: Connectivity = 'smartphone';

/** The years the view offers: those in which every service and connectivity indicator has values. */
export function servicesYears(
	indicators: readonly { id: string; years: readonly number[] }[]
): number[] {
	return commonYears(indicators, [...Object.values(SERVICES), ...Object.values(CONNECTIVITY)]);
}

/**
 * The state a URL asks for. Never throws: an unknown value is reported and replaced by the
 * default, so a bad link still opens a working view. `years` are those both indicators have.
 */
export function parseServicesState(
	params: URLSearchParams,
	years: readonly number[]
): { state: ServicesState; problems: ServicesUrlProblem[] } {
	const problems: ServicesUrlProblem[] = [];
	const s = params.get('service');
	const c = params.get('connectivity');
	const service = isOneOf(SERVICE_CODES, s) ? s : DEFAULT_SERVICE;
	if (s !== null && service !== s) problems.push({ param: 'service', value: s });
	const connectivity = isOneOf(CONNECTIVITY_CODES, c) ? c : DEFAULT_CONNECTIVITY;
	if (c !== null && connectivity !== c) problems.push({ param: 'connectivity', value: c });
	const { year, unknown } = chosenYear(params.get('year'), years);
	if (unknown !== null) problems.push({ param: 'year', value: unknown });
	return { state: { service, connectivity, year, links: params.get('links') !== 'off' }, problems };
}

/** The query string for a state, keeping other parameters (such as the language) as they are. */
export function servicesParams(state: ServicesState, keep?: URLSearchParams): URLSearchParams {
	const out = new URLSearchParams(keep);
	out.set('service', state.service);
	out.set('connectivity', state.connectivity);
	if (state.year !== null) out.set('year', String(state.year));
	else out.delete('year');
	if (state.links) out.delete('links');
	else out.set('links', 'off');
	return out;
}

/** The key of the data a state needs: the links are drawn from the same answer. */
export const servicesViewKey = (s: ServicesState): string =>
	`${s.service}|${s.connectivity}|${s.year}`;
