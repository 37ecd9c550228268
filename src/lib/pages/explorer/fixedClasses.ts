import type { IndicatorView } from '$lib/data/views';
import { measureValue, type Measure } from '$lib/domain/gaps';
import { valuesOf } from '$lib/state/viewModel';

/**
 * Colour classes fixed across years: made from the measure's values in every year of the
 * indicator, so that one value has one colour in every round. `years` are the years that gave a
 * value (the change has none in the first round), for the legend to name.
 */
export interface FixedClasses {
	values: (number | null)[];
	years: number[];
}

export function classesAcrossYears(
	views: readonly IndicatorView[],
	measure: Measure
): FixedClasses {
	const values: (number | null)[] = [];
	const years: number[] = [];
	for (const view of [...views].sort((a, b) => a.year - b.year)) {
		const own = view.regions.map((r) => measureValue(valuesOf(r), measure));
		values.push(...own);
		if (own.some((v) => v !== null)) years.push(view.year);
	}
	return { values, years };
}
