import { country, type Zone } from '$lib/country';
import { regionDirectory, type DirectoryRegion } from '$lib/data/regionProfile';

// Read at build time, so the region list, the prerendered profile paths and the unknown-code
// message need no database: they work before DuckDB has started.
const files = import.meta.glob<string>('/data/regions.csv', {
	query: '?raw',
	import: 'default',
	eager: true
});

export const regions: readonly DirectoryRegion[] = regionDirectory(Object.values(files)[0] ?? '');

export const regionCodes: readonly string[] = regions.map((r) => r.isoCode);

/** The region with this ISO code, in any case, or undefined. */
export function findRegion(code: string): DirectoryRegion | undefined {
	const wanted = code.trim().toUpperCase();
	return regions.find((r) => r.isoCode === wanted);
}

/** The regions by zone (Mainland, Zanzibar), each in name order, for lists and pickers. */
export function regionsByZone(titles: Readonly<Record<Lowercase<Zone>, string>>) {
	const byName = (a: DirectoryRegion, b: DirectoryRegion) =>
		a.nameOfficial.localeCompare(b.nameOfficial);
	return country.zones.map((zone) => {
		const id = zone.toLowerCase() as Lowercase<Zone>;
		return {
			id,
			title: titles[id],
			regions: regions.filter((r) => r.zone === zone).sort(byName)
		};
	});
}
