import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACK, writeBoundaries } from '../../../scripts/build-boundaries.mjs';
import { matchRegionName, regionNameIndex } from '$lib/domain/regions';
import { isAggregateName, reviewRegionNames } from '$lib/upload/regionMatch';
import { country } from '.';
import { kenya } from './ke';
import type { CountryPack, PackRegion } from './pack';
import { regionsFromBoundaries, type BoundaryFeatures } from './regionTable';
import { tanzania } from './tz';

const root = process.cwd();
const require = createRequire(join(root, 'package.json'));

/** The boundary package's own file for a pack, as the build reads it. */
function geodata(pack: CountryPack): BoundaryFeatures {
	const pkgDir = dirname(require.resolve(`${pack.boundaries.package}/package.json`));
	return JSON.parse(readFileSync(join(pkgDir, pack.boundaries.file), 'utf8'));
}

/** A pack's region table, from where the pack says it lives. */
function regionTable(pack: CountryPack): PackRegion[] {
	const table = pack.regionTable;
	if (table.from === 'boundaries') return regionsFromBoundaries(geodata(pack), pack);
	const text = readFileSync(join(root, 'data', table.file), 'utf8');
	return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.map(
		(r) => ({
			isoCode: r.iso_code ?? '',
			nbsCode: r.nbs_code ?? '',
			nameOfficial: r.name_official ?? '',
			nameEn: r.name_en ?? '',
			zone: r.zone ?? '',
			variants: (r.variants ?? '').split('|').filter((v) => v !== '')
		})
	);
}

interface Collection {
	features: { properties: { iso: string }; geometry: { type: string; coordinates: unknown } }[];
}

/** Every [lon, lat] pair of a geometry's coordinates. */
function points(coordinates: unknown): [number, number][] {
	if (!Array.isArray(coordinates)) return [];
	if (typeof coordinates[0] === 'number') return [coordinates as [number, number]];
	return coordinates.flatMap(points);
}

const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Run the build script's own function for a pack, into a temporary folder. */
function buildMap(pack: CountryPack) {
	const dir = mkdtempSync(join(tmpdir(), `pengo-${pack.id}-geo-`));
	dirs.push(dir);
	const written = writeBoundaries(pack.id, dir);
	const read = (file: string): Collection => JSON.parse(readFileSync(join(dir, file), 'utf8'));
	return {
		written,
		regions: read(pack.boundaries.regionsFile),
		labels: read(pack.boundaries.labelsFile),
		attribution: JSON.parse(readFileSync(join(dir, 'ATTRIBUTION.json'), 'utf8'))
	};
}

describe.each([
	{ pack: tanzania as CountryPack, count: 31 },
	{ pack: kenya as CountryPack, count: 47 }
])('the $names.en pack', ({ pack, count }) => {
	const regions = regionTable(pack);
	const codes = regions.map((r) => r.isoCode);
	const map = buildMap(pack);

	it(`has a region table of ${count} regions with unique codes of its pattern, in its zones`, () => {
		expect(pack.regionCount).toBe(count);
		expect(regions).toHaveLength(count);
		expect(new Set(codes).size).toBe(count);
		const pattern = new RegExp(`^(?:${pack.codePattern})$`);
		for (const code of codes) expect(code).toMatch(pattern);
		for (const r of regions) expect(pack.zones).toContain(r.zone);
		for (const r of regions) expect(r.nameOfficial.trim()).not.toBe('');
	});

	it('builds its map with the build script: one feature and one label per region', () => {
		expect(map.written.count).toBe(count);
		const features = map.regions.features.map((f) => f.properties.iso);
		expect(features).toHaveLength(count);
		expect(new Set(features).size).toBe(count);
		expect([...features].sort()).toEqual([...codes].sort());
		expect(map.labels.features.map((f) => f.properties.iso)).toEqual(features);
		expect(map.attribution).toMatchObject({
			package: pack.boundaries.package,
			file: pack.boundaries.file,
			credit: pack.boundaries.credit
		});
	});

	it('matches every boundary feature, by the name the boundary file gives it, to its region', () => {
		const index = regionNameIndex(regions, pack);
		for (const f of geodata(pack).features) {
			const code = f.id ?? f.properties.id;
			expect(matchRegionName(f.properties.name ?? '', index), f.properties.name).toEqual(
				expect.objectContaining({ status: 'matched', isoCode: code })
			);
		}
	});

	it('frames every feature in its map bounds', () => {
		const [[west, south], [east, north]] = pack.mapBounds;
		const all = map.regions.features.flatMap((f) => points(f.geometry.coordinates));
		const outside = all.filter(
			([lon, lat]) => lon < west || lon > east || lat < south || lat > north
		);
		expect(all.length).toBeGreaterThan(count);
		expect(outside).toEqual([]);
	});

	it('names only its own regions in island totals and boundary changes', () => {
		const named = [
			...pack.islandTotals.flatMap((i) => i.regions),
			...pack.boundaryChanges.flatMap((c) => [...c.created, ...(c.from ?? [])])
		];
		for (const code of named) expect(codes).toContain(code);
	});

	it('reads its own names and zones as totals, never as regions', () => {
		for (const name of [pack.names.en, ...pack.aggregateNames]) {
			expect(isAggregateName(name, pack), name).toBe(true);
			const [review] = reviewRegionNames([{ name, rows: 1 }], regions, {}, pack);
			expect(review?.status, name).toBe('zone');
		}
	});
});

describe('the active pack', () => {
	it('is the one the boundary build writes by default', () => {
		expect(DEFAULT_PACK).toBe(country.id);
	});

	it("keeps Tanzania's matching as it was: Unguja and Pemba are island totals", () => {
		const index = regionNameIndex(regionTable(tanzania));
		expect(matchRegionName('Unguja', index)).toEqual({ status: 'island', island: 'unguja' });
		expect(matchRegionName('Tanzania Bara', index)).toEqual({ status: 'unmatched' });
		expect(isAggregateName('Tanzania Bara')).toBe(true);
	});
});

describe('the Kenya pack, which has no data of its own', () => {
	const counties = regionTable(kenya);
	const index = regionNameIndex(counties, kenya);

	it('takes its counties from the boundary file: codes and names, nothing else', () => {
		expect(counties.find((c) => c.isoCode === 'KE-30')).toEqual({
			isoCode: 'KE-30',
			nameOfficial: 'Nairobi City',
			nameEn: 'Nairobi City',
			zone: 'Kenya',
			variants: ['Nairobi']
		});
		expect(counties.every((c) => c.nbsCode === undefined)).toBe(true);
	});

	it('matches county names as files write them', () => {
		const matched = (isoCode: string, via: string) => ({ status: 'matched', isoCode, via });
		expect(matchRegionName('Nairobi', index)).toEqual(matched('KE-30', 'variant'));
		expect(matchRegionName('NAIROBI CITY', index)).toEqual(matched('KE-30', 'name'));
		expect(matchRegionName('ke-30', index)).toEqual(matched('KE-30', 'code'));
		expect(matchRegionName('Elgeyo Marakwet', index)).toEqual(matched('KE-05', 'normalised'));
		expect(matchRegionName('Taita Taveta', index)).toEqual(matched('KE-39', 'normalised'));
	});

	it("has none of Tanzania's island totals or zones", () => {
		expect(matchRegionName('Unguja', index)).toEqual({ status: 'unmatched' });
		expect(isAggregateName('Unguja', kenya)).toBe(false);
		expect(isAggregateName('Tanzania Bara', kenya)).toBe(false);
		// Totals any table may carry stay totals in every country.
		expect(isAggregateName('Grand total', kenya)).toBe(true);
	});

	it('reviews an uploaded column of county names with the same matcher as regions', () => {
		const reviews = reviewRegionNames(
			[
				{ name: 'Nairobi', rows: 3 },
				{ name: 'Kisumuu', rows: 2 },
				{ name: 'Kenya', rows: 1 },
				{ name: 'Unguja', rows: 1 }
			],
			counties,
			{},
			kenya
		);
		expect(reviews.map((r) => [r.written, r.status, r.isoCode])).toEqual([
			['Nairobi', 'matched', 'KE-30'],
			['Kisumuu', 'matched', 'KE-17'],
			['Kenya', 'zone', null],
			['Unguja', 'unmatched', null]
		]);
	});
});
