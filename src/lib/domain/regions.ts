import { country, type CountryPack, type PackRegion, type Zone } from '$lib/country';

/** A region as read from the country's region table (data/regions.csv). */
export interface Region extends PackRegion<Zone> {
	nbsCode: string;
	population2022: number;
}

/** What name matching needs to know of a country beyond its regions. */
export type NameRules = Pick<
	CountryPack,
	'islandTotals' | 'aggregateNames' | 'surveyLabels' | 'nationalNames' | 'nationalCode'
>;

export type RegionMatch =
	| { status: 'matched'; isoCode: string; via: 'code' | 'name' | 'variant' | 'normalised' }
	/** An island total (`country.islandTotals`): a real figure, but not a region. */
	| { status: 'island'; island: string }
	| { status: 'unmatched' };

/**
 * Fold a written region name to a comparable key: case, accents, punctuation, "&"/"and" and
 * spacing stop mattering ("Dar-es-salaam", "DAR ES SALAAM" and "Dar es Salaam" meet).
 */
export function normaliseRegionName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.replace(/\s+/g, ' ');
}

/** Index the regions once, so matching many names is cheap; island totals come from the pack. */
export function regionNameIndex(regions: readonly PackRegion[], rules: NameRules = country) {
	const byCode = new Map<string, string>();
	const byName = new Map<string, string>();
	const byVariant = new Map<string, string>();
	const byNormalised = new Map<string, string>();
	for (const r of regions) {
		byCode.set(r.isoCode.toUpperCase(), r.isoCode);
		if (r.nbsCode) byCode.set(r.nbsCode, r.isoCode);
		byName.set(r.nameOfficial.toLowerCase(), r.isoCode);
		byName.set(r.nameEn.toLowerCase(), r.isoCode);
		for (const v of r.variants) byVariant.set(v.toLowerCase(), r.isoCode);
		for (const n of [r.nameOfficial, r.nameEn, ...r.variants]) {
			byNormalised.set(normaliseRegionName(n), r.isoCode);
		}
	}
	const islands = rules.islandTotals.map((i) => i.key);
	return { byCode, byName, byVariant, byNormalised, islands };
}

export type RegionNameIndex = ReturnType<typeof regionNameIndex>;

/** Resolve a name as written in a file: code, then official/English name, then variant, then normalised text. */
export function matchRegionName(written: string, index: RegionNameIndex): RegionMatch {
	const trimmed = written.trim();
	const code = index.byCode.get(trimmed.toUpperCase());
	if (code) return { status: 'matched', isoCode: code, via: 'code' };
	const lower = trimmed.toLowerCase();
	const name = index.byName.get(lower);
	if (name) return { status: 'matched', isoCode: name, via: 'name' };
	const variant = index.byVariant.get(lower);
	if (variant) return { status: 'matched', isoCode: variant, via: 'variant' };
	const key = normaliseRegionName(trimmed);
	const island = index.islands.find((i) => i === key);
	if (island) return { status: 'island', island };
	const normalised = index.byNormalised.get(key);
	if (normalised) return { status: 'matched', isoCode: normalised, via: 'normalised' };
	return { status: 'unmatched' };
}
