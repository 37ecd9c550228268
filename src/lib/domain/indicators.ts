/** The series a planner sees first: real, published, with confidence intervals and a trend. */
export const DEFAULT_INDICATOR = 'women_mobile_phone';
/** Where the "urban–rural gap" shortcut leads: the household survey's phone ownership. */
export const GAP_INDICATOR = 'hh_owns_mobile';
