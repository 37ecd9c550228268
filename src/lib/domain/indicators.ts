import { country } from '$lib/country';

/** The series a planner sees first (the country pack's choice). */
export const DEFAULT_INDICATOR = country.defaultIndicator;
/** Where the "urban–rural gap" shortcut leads: the household survey's phone ownership. */
export const GAP_INDICATOR = 'hh_owns_mobile';
