import { country } from '$lib/country';

/** The series a planner sees first (the country pack's choice). */
export const DEFAULT_INDICATOR = country.defaultIndicator;
/**
 * Where the "urban–rural gap" shortcut leads: household phone ownership, estimated from the
 * bundled synthetic survey. Uploaded datasets get indicator ids of their own and never replace it.
 */
export const GAP_INDICATOR = 'hh_owns_mobile';

/** An indicator as the views know it, bundled or uploaded. */
export interface IndicatorInfo {
	id: string;
	/** Name and definition per UI language; Kiswahili falls back to English where empty. */
	label: { en: string; sw: string };
	unit: 'percent' | 'count' | 'per100';
	definition: { en: string; sw: string };
	hasUrbanRural: boolean;
	years: number[];
	/** The period as published, per year: 2016 → "2015-16". */
	periods: Record<number, string>;
	synthetic: boolean;
	/** The key (see datasetKey) of the uploaded dataset this indicator comes from; null for bundled data. */
	uploadedFrom?: string | null;
}
