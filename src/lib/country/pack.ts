/**
 * A country pack: everything the app knows about one country's regions, apart from its data
 * files. The app is built for one pack (`$lib/country`); a pack's `pack.json` holds the facts the
 * Node scripts read too (scripts/build-boundaries.mjs), the pack's TypeScript adds the rest.
 */

/** The facts a pack shares with the Node scripts: its `pack.json`. */
export interface PackFacts {
	/** Folder name under src/lib/country/, and the argument of scripts/build-boundaries.mjs. */
	id: string;
	names: { en: string; sw: string };
	/** ISO 3166-1 alpha-2: the code of the national row in data and exports. */
	nationalCode: string;
	/** ISO 3166-2 region codes as a regular expression without anchors (DuckDB and JS read it). */
	codePattern: string;
	/** How many regions the table and the boundaries have. */
	regionCount: number;
	boundaries: BoundarySource;
}

/** Where the map's region boundaries come from, and what the build writes to static/geo/. */
export interface BoundarySource {
	/** The npm package, pinned exactly in package.json. */
	package: string;
	/** The GeoJSON file inside it: one feature per region, `id` the ISO 3166-2 code. */
	file: string;
	/** The regions file the build writes and the app fetches. */
	regionsFile: string;
	/** One label point per region. */
	labelsFile: string;
	/** The credit the package's licence asks for, as ATTRIBUTION.json states it. */
	credit: string;
}

/** One region as a pack's table lists it: what name matching and the map need. */
export interface PackRegion<Z extends string = string> {
	/** ISO 3166-2 code: the key of the map's features and of every data file. */
	isoCode: string;
	/** The national statistics office's own code, where the table has one (Tanzania: NBS). */
	nbsCode?: string;
	nameOfficial: string;
	nameEn: string;
	zone: Z;
	/** Other spellings seen in real files. */
	variants: readonly string[];
}

/** Where a pack's region table comes from. */
export type RegionTableSource =
	/** A bundled file under data/, with the columns data/README.md describes for regions.csv. */
	| { from: 'csv'; file: string }
	/** The boundary file's own ids and names (a pack with no data of its own), in one zone. */
	| {
			from: 'boundaries';
			zone: string;
			/** Spellings to accept beside the boundary file's name, by ISO code. */
			variants: Readonly<Record<string, readonly string[]>>;
	  };

/**
 * Totals some sources publish for a group of regions (Tanzania: Unguja and Pemba). Real figures,
 * but not regions: they are reported as island totals, never put onto one region.
 */
export interface IslandTotal {
	/** The name as matching folds it (normaliseRegionName); upper-cased, the data's geo_code. */
	key: string;
	/** The regions it sums, by ISO code. */
	regions: readonly string[];
}

/**
 * A change of the region map: regions that came into being in a year, and the regions they were
 * formed from. Wherever two survey rounds on either side of `year` are compared, every region
 * named here carries a note (src/lib/domain/boundaries.ts finds them; the UI words them).
 */
export interface BoundaryChange {
	/** The year the new regions were established. */
	year: number;
	/** The regions created, by ISO code. */
	created: readonly string[];
	/** The regions they were formed from (all or part of their area), by ISO code. */
	from?: readonly string[];
	/** The change in a few English words, for developers and logs; the UI words its own notes. */
	note: string;
}

export interface CountryPack extends PackFacts {
	/** The zones regions belong to, in the order lists show them. */
	zones: readonly string[];
	regionTable: RegionTableSource;
	islandTotals: readonly IslandTotal[];
	/**
	 * Names of the whole country or a zone, as files write them beside the regions (folded as
	 * normaliseRegionName folds them): totals, never regions.
	 */
	aggregateNames: readonly string[];
	/**
	 * Names of the whole country among them (folded the same way), besides the national code: a
	 * row so named in an indicator table is the national figure.
	 */
	nationalNames: readonly string[];
	/**
	 * Region labels as household surveys spell them in their region variable (DHS `hv024` /
	 * `v024`, across rounds), by ISO code, beside the region table's names and variants. Name
	 * matching folds them (normaliseRegionName), in any word order and after a survey's own code
	 * ("51 north unguja"). Optional: a pack with no surveys of its own has none.
	 */
	surveyLabels?: Readonly<Record<string, readonly string[]>>;
	/** Map extent, [[west, south], [east, north]], islands and lake shores included. */
	mapBounds: readonly [readonly [number, number], readonly [number, number]];
	/** The indicator the explorer opens with; null for a pack with no data. */
	defaultIndicator: string | null;
	boundaryChanges: readonly BoundaryChange[];
}
