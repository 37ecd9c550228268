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

/** The regions in Mainland and Zanzibar groups, each in name order, for lists and pickers. */
export function regionsByZone(titles: { mainland: string; zanzibar: string }) {
	const byName = (a: DirectoryRegion, b: DirectoryRegion) =>
		a.nameOfficial.localeCompare(b.nameOfficial);
	return [
		{
			id: 'mainland',
			title: titles.mainland,
			regions: regions.filter((r) => r.zone === 'Mainland').sort(byName)
		},
		{
			id: 'zanzibar',
			title: titles.zanzibar,
			regions: regions.filter((r) => r.zone === 'Zanzibar').sort(byName)
		}
	];
}
