#!/usr/bin/env node
// Generates the region boundaries the map serves, from the exact-pinned npm package a country pack
// names (src/lib/country/<pack>/pack.json; for Tanzania @amcharts/amcharts5-geodata). Never
// committed: its licence wants its own LICENSE beside the data and credit on the map, both of
// which this script and the map provide.
//
// It builds the pack the app is built for (DEFAULT_PACK); tests build other packs into a temporary
// folder with writeBoundaries().
//
// Output, under static/geo/ (git-ignored), with the pack's file names:
//   tanzania-regions.geojson  one feature per region, property `iso` (TZ-01 … TZ-31), rounded
//   region-labels.geojson     one label point per region (largest polygon's interior point)
//   tanzania-regions.drawing.json  both already projected (SVG paths in a 1000-wide box, by the
//                             app's own src/lib/map/mapDrawing.ts): what the first screen draws
//   LICENSE-amcharts-geodata.md, ATTRIBUTION.json
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appModuleLoader } from './appModules.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The pack the app is built for: `country` in src/lib/country/index.ts names the same one. */
export const DEFAULT_PACK = 'tz';
// 3 decimal places is about 110 m at the equator: far below what a regional choropleth can show,
// and rounding snaps the shared borders of neighbours identically, so no slivers open up.
const DECIMALS = 3;

/**
 * @typedef {import('../src/lib/country/pack').PackFacts} PackFacts
 * @typedef {[number, number]} Point
 * @typedef {Point[]} Ring
 * @typedef {Ring[]} Polygon
 * @typedef {{ type: 'Polygon', coordinates: Polygon } | { type: 'MultiPolygon', coordinates: Polygon[] }} Geometry
 * @typedef {{ features: { id?: string, properties: { id?: string }, geometry: Geometry }[] }} SourceFile
 * @typedef {{ type: 'Feature', properties: { iso: string }, geometry: Geometry | { type: 'Point', coordinates: Point } }} OutFeature
 */

/**
 * A pack's shared facts, from src/lib/country/<pack>/pack.json.
 * @param {string} pack
 * @returns {PackFacts}
 */
export function readPackFacts(pack, root = ROOT) {
	if (!/^[a-z]{2,3}$/.test(pack)) throw new Error(`"${pack}" is not a pack id (such as tz).`);
	return JSON.parse(readFileSync(join(root, 'src', 'lib', 'country', pack, 'pack.json'), 'utf8'));
}

/**
 * Consecutive pairs of a closed ring's points (the closing point repeats the first).
 * @param {Ring} ring
 * @returns {[Point, Point][]}
 */
function edges(ring) {
	return ring.slice(1).map((q, i) => [/** @type {Point} */ (ring[i]), q]);
}

/**
 * Round a ring's coordinates and drop points that collapse onto their predecessor.
 * @param {Ring} ring
 * @returns {Ring | null}
 */
function simplifyRing(ring, decimals = DECIMALS) {
	const f = 10 ** decimals;
	/** @type {Ring} */
	const out = [];
	for (const [x, y] of ring) {
		/** @type {Point} */
		const p = [Math.round(x * f) / f, Math.round(y * f) / f];
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	const first = out[0];
	const last = out[out.length - 1];
	if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
		out.push([first[0], first[1]]);
	}
	return out.length >= 4 ? out : null;
}

/**
 * @param {Polygon} rings
 * @returns {Polygon | null}
 */
function simplifyPolygon([outerRing = [], ...holes]) {
	const outer = simplifyRing(outerRing);
	if (!outer) return null;
	return [outer, ...holes.map((r) => simplifyRing(r)).filter((r) => r !== null)];
}

/** @param {Ring} ring */
function ringArea(ring) {
	let a = 0;
	for (const [[x1, y1], [x2, y2]] of edges(ring)) a += x1 * y2 - x2 * y1;
	return a / 2;
}

/**
 * @param {Point} point
 * @param {Ring} ring
 */
function pointInRing([x, y], ring) {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = /** @type {Point} */ (ring[i]);
		const [xj, yj] = /** @type {Point} */ (ring[j]);
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/**
 * A label point inside the polygon: the centroid when it falls inside, otherwise the midpoint of
 * the widest horizontal chord through the polygon's vertical middle.
 * @param {Polygon} polygon
 * @returns {Point}
 */
function labelPoint([outer = []]) {
	let cx = 0;
	let cy = 0;
	let a6 = 0;
	for (const [[x1, y1], [x2, y2]] of edges(outer)) {
		const cross = x1 * y2 - x2 * y1;
		cx += (x1 + x2) * cross;
		cy += (y1 + y2) * cross;
		a6 += 3 * cross;
	}
	/** @type {Point} */
	const centroid = [cx / a6, cy / a6];
	if (pointInRing(centroid, outer)) return centroid;
	const y = centroid[1];
	/** @type {number[]} */
	const xs = [];
	for (const [[x1, y1], [x2, y2]] of edges(outer)) {
		if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
	}
	xs.sort((p, q) => p - q);
	/** @type {Point} */
	let best = [...(outer[0] ?? [0, 0])];
	let width = -1;
	for (let i = 0; i + 1 < xs.length; i += 2) {
		const [from, to] = /** @type {Point} */ (xs.slice(i, i + 2));
		if (to - from > width) {
			width = to - from;
			best = [(from + to) / 2, y];
		}
	}
	return best;
}

/**
 * Rounded region polygons and a label point per region, both sorted by code. A feature whose id is
 * not one of the pack's codes, or a count other than the pack's, stops the build.
 * @param {SourceFile} source
 * @param {PackFacts} facts
 * @returns {{ regions: OutFeature[], labels: OutFeature[] }}
 */
export function buildBoundaries(source, facts) {
	const codePattern = new RegExp(`^(?:${facts.codePattern})$`);
	/** @type {OutFeature[]} */
	const regions = [];
	/** @type {OutFeature[]} */
	const labels = [];
	for (const feature of source.features) {
		const iso = feature.id ?? feature.properties.id ?? '';
		if (!codePattern.test(iso)) {
			throw new Error(`Unexpected feature id ${iso} in ${facts.boundaries.package}`);
		}
		const g = feature.geometry;
		const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
			.map(simplifyPolygon)
			.filter((p) => p !== null);
		if (polygons.length === 0) throw new Error(`${iso} has no polygon left after rounding`);
		/** @type {Geometry} */
		const geometry =
			polygons.length === 1
				? { type: 'Polygon', coordinates: /** @type {Polygon} */ (polygons[0]) }
				: { type: 'MultiPolygon', coordinates: polygons };
		regions.push({ type: 'Feature', properties: { iso }, geometry });
		const area = (/** @type {Polygon} */ [outer = []]) => Math.abs(ringArea(outer));
		const largest = polygons.reduce((p, q) => (area(q) > area(p) ? q : p));
		const [lx, ly] = labelPoint(largest);
		labels.push({
			type: 'Feature',
			properties: { iso },
			geometry: { type: 'Point', coordinates: [+lx.toFixed(4), +ly.toFixed(4)] }
		});
	}
	regions.sort((p, q) => p.properties.iso.localeCompare(q.properties.iso));
	labels.sort((p, q) => p.properties.iso.localeCompare(q.properties.iso));
	if (regions.length !== facts.regionCount) {
		throw new Error(`Expected ${facts.regionCount} regions, found ${regions.length}`);
	}
	return { regions, labels };
}

/**
 * Build a pack's boundaries from the installed package and write them, its licence and an
 * attribution note to `outDir`.
 * @param {string} pack
 * @param {string} outDir
 * @returns {{ facts: PackFacts, version: string, count: number }}
 */
export function writeBoundaries(pack, outDir, root = ROOT) {
	const facts = readPackFacts(pack, root);
	const { package: pkg, file } = facts.boundaries;
	const require = createRequire(join(root, 'package.json'));
	const pkgDir = dirname(require.resolve(`${pkg}/package.json`));
	const installed = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
	const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies[pkg];
	if (installed !== pinned) {
		throw new Error(
			`${pkg} ${installed} is installed but package.json pins ${pinned}: run npm ci.`
		);
	}

	const source = JSON.parse(readFileSync(join(pkgDir, file), 'utf8'));
	const { regions, labels } = buildBoundaries(source, facts);

	mkdirSync(outDir, { recursive: true });
	writeFileSync(
		join(outDir, facts.boundaries.regionsFile),
		JSON.stringify({ type: 'FeatureCollection', features: regions })
	);
	writeFileSync(
		join(outDir, facts.boundaries.labelsFile),
		JSON.stringify({ type: 'FeatureCollection', features: labels })
	);
	copyFileSync(join(pkgDir, 'LICENSE'), join(outDir, 'LICENSE-amcharts-geodata.md'));
	writeFileSync(
		join(outDir, 'ATTRIBUTION.json'),
		JSON.stringify(
			{
				package: pkg,
				version: installed,
				file,
				credit: facts.boundaries.credit,
				licence: 'LICENSE-amcharts-geodata.md'
			},
			null,
			'\t'
		)
	);
	return { facts, version: installed, count: regions.length };
}

/**
 * The map as the first screen draws it: the written boundaries and labels projected once, by the
 * page's own module, so no phone spends its time on the projection.
 * @param {PackFacts} facts
 * @param {string} outDir
 */
async function writeDrawing(facts, outDir) {
	const read = (/** @type {string} */ name) => JSON.parse(readFileSync(join(outDir, name), 'utf8'));
	const app = await appModuleLoader(ROOT);
	try {
		const { drawMap } = await app.load('/src/lib/map/mapDrawing.ts');
		const drawing = drawMap(read(facts.boundaries.regionsFile), read(facts.boundaries.labelsFile));
		const name = facts.boundaries.regionsFile.replace(/\.geojson$/, '') + '.drawing.json';
		writeFileSync(join(outDir, name), JSON.stringify(drawing));
	} finally {
		await app.close();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const outDir = join(ROOT, 'static', 'geo');
	const { facts, version, count } = writeBoundaries(DEFAULT_PACK, outDir);
	await writeDrawing(facts, outDir);
	console.log(
		`boundaries: ${count} regions of ${facts.names.en} from ${facts.boundaries.package}@${version} written to static/geo/`
	);
}
