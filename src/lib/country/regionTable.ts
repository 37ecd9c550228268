import type { CountryPack, PackRegion } from './pack';

/** A boundary file as the boundary package ships it: one feature per region. */
export interface BoundaryFeatures {
	features: readonly { id?: string; properties: { id?: string; name?: string } }[];
}

/**
 * The region table of a pack with no table of its own: the boundary file's codes and names, in
 * code order, with the pack's extra spellings. Nothing else is known about such regions.
 */
export function regionsFromBoundaries(source: BoundaryFeatures, pack: CountryPack): PackRegion[] {
	const table = pack.regionTable;
	if (table.from !== 'boundaries') {
		throw new Error(`Pack ${pack.id} reads its regions from data/${table.file}.`);
	}
	return source.features
		.map((f) => {
			const isoCode = f.id ?? f.properties.id ?? '';
			const name = f.properties.name ?? '';
			return {
				isoCode,
				nameOfficial: name,
				nameEn: name,
				zone: table.zone,
				variants: table.variants[isoCode] ?? []
			};
		})
		.sort((a, b) => a.isoCode.localeCompare(b.isoCode));
}
