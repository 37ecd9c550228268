import type { CountryPack, PackFacts } from '../pack';
import facts from './pack.json';

/**
 * Kenya's 47 counties, from the same boundary package as Tanzania's regions. It has no data of
 * its own and is not offered in the app: it is the second pack that shows the seam holds
 * (packs.test.ts builds its region table, name matching and map from it).
 */
export const kenya = {
	...(facts satisfies PackFacts),
	zones: ['Kenya'],
	regionTable: {
		from: 'boundaries',
		zone: 'Kenya',
		// The boundary file writes "Nairobi City"; most tables write the county's short name.
		variants: { 'KE-30': ['Nairobi'] }
	},
	islandTotals: [],
	aggregateNames: ['kenya', 'republic of kenya'],
	nationalNames: ['kenya', 'republic of kenya'],
	// The boundary file's extent (33.91–41.93 E, 4.72 S–5.06 N), rounded outward.
	mapBounds: [
		[33.8, -4.8],
		[42.0, 5.1]
	],
	defaultIndicator: null,
	boundaryChanges: []
} as const satisfies CountryPack;
