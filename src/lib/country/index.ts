import { tanzania } from './tz';

/**
 * The country the app is built for. scripts/build-boundaries.mjs builds the same pack's
 * boundaries by default (its DEFAULT_PACK; packs.test.ts checks they agree).
 */
export const country = tanzania;

export type Zone = (typeof country.zones)[number];

export type {
	BoundaryChange,
	BoundarySource,
	CountryPack,
	IslandTotal,
	PackFacts,
	PackRegion,
	RegionTableSource
} from './pack';
