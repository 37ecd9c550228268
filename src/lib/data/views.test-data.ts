import type { RegionView } from './views';
import type { Estimate } from '$lib/domain/estimate';

/** An estimate with nothing known. */
const emptyEstimate = (): Estimate => ({
	value: null,
	lower: null,
	upper: null,
	se: null,
	n: null,
	note: null
});

/** A region of a view named `name`: no estimates and no earlier year unless given. */
export function regionView(iso: string, name: string, parts: Partial<RegionView> = {}): RegionView {
	return {
		iso,
		nbsCode: iso.slice(3),
		nameOfficial: name,
		nameEn: name,
		zone: 'Mainland',
		population: 1000,
		total: emptyEstimate(),
		urban: emptyEstimate(),
		rural: emptyEstimate(),
		previousYear: null,
		previousTotal: emptyEstimate(),
		...parts
	};
}
