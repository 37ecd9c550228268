#!/usr/bin/env node
// Generates the region boundaries the map serves, from the exact-pinned npm package
// @amcharts/amcharts5-geodata (never committed: its licence wants its own LICENSE beside the data
// and credit on the map, both of which this script and the map provide).
//
// Output, under static/geo/ (git-ignored):
//   tanzania-regions.geojson  31 regions, property `iso` (TZ-01 … TZ-31), coordinates rounded
//   region-labels.geojson     one label point per region (largest polygon's interior point)
//   LICENSE-amcharts-geodata.md, ATTRIBUTION.json
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@amcharts/amcharts5-geodata';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'static', 'geo');
// 3 decimal places is about 110 m at the equator: far below what a regional choropleth can show,
// and rounding snaps the shared borders of neighbours identically, so no slivers open up.
const DECIMALS = 3;

const require = createRequire(join(root, 'package.json'));
const pkgDir = dirname(require.resolve(`${PACKAGE}/package.json`));
const installed = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies[
	PACKAGE
];
if (installed !== pinned) {
	throw new Error(
		`${PACKAGE} ${installed} is installed but package.json pins ${pinned}: run npm ci.`
	);
}

const source = JSON.parse(readFileSync(join(pkgDir, 'json', 'tanzaniaHigh.json'), 'utf8'));

/** Round a ring's coordinates and drop points that collapse onto their predecessor. */
function simplifyRing(ring, decimals = DECIMALS) {
	const f = 10 ** decimals;
	const out = [];
	for (const [x, y] of ring) {
		const p = [Math.round(x * f) / f, Math.round(y * f) / f];
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	const first = out[0];
	const last = out[out.length - 1];
	if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
	return out.length >= 4 ? out : null;
}

function simplifyPolygon(rings) {
	const outer = simplifyRing(rings[0]);
	if (!outer) return null;
	return [
		outer,
		...rings
			.slice(1)
			.map((r) => simplifyRing(r))
			.filter(Boolean)
	];
}

function ringArea(ring) {
	let a = 0;
	for (let i = 0; i < ring.length - 1; i++) {
		a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return a / 2;
}

function pointInRing([x, y], ring) {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/**
 * A label point inside the polygon: the centroid when it falls inside, otherwise the midpoint of
 * the widest horizontal chord through the polygon's vertical middle.
 */
function labelPoint(polygon) {
	const outer = polygon[0];
	let cx = 0;
	let cy = 0;
	let a6 = 0;
	for (let i = 0; i < outer.length - 1; i++) {
		const cross = outer[i][0] * outer[i + 1][1] - outer[i + 1][0] * outer[i][1];
		cx += (outer[i][0] + outer[i + 1][0]) * cross;
		cy += (outer[i][1] + outer[i + 1][1]) * cross;
		a6 += 3 * cross;
	}
	const centroid = [cx / a6, cy / a6];
	if (pointInRing(centroid, outer)) return centroid;
	const y = centroid[1];
	const xs = [];
	for (let i = 0; i < outer.length - 1; i++) {
		const [x1, y1] = outer[i];
		const [x2, y2] = outer[i + 1];
		if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
	}
	xs.sort((p, q) => p - q);
	let best = [outer[0][0], outer[0][1]];
	let width = -1;
	for (let i = 0; i + 1 < xs.length; i += 2) {
		if (xs[i + 1] - xs[i] > width) {
			width = xs[i + 1] - xs[i];
			best = [(xs[i] + xs[i + 1]) / 2, y];
		}
	}
	return best;
}

const regions = [];
const labels = [];
for (const feature of source.features) {
	const iso = feature.id ?? feature.properties.id;
	if (!/^TZ-\d\d$/.test(iso)) throw new Error(`Unexpected feature id ${iso} in ${PACKAGE}`);
	const g = feature.geometry;
	const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
		.map(simplifyPolygon)
		.filter(Boolean);
	if (polygons.length === 0) throw new Error(`${iso} has no polygon left after rounding`);
	const geometry =
		polygons.length === 1
			? { type: 'Polygon', coordinates: polygons[0] }
			: { type: 'MultiPolygon', coordinates: polygons };
	regions.push({ type: 'Feature', properties: { iso }, geometry });
	const largest = polygons.reduce((p, q) =>
		Math.abs(ringArea(q[0])) > Math.abs(ringArea(p[0])) ? q : p
	);
	const [lx, ly] = labelPoint(largest);
	labels.push({
		type: 'Feature',
		properties: { iso },
		geometry: { type: 'Point', coordinates: [+lx.toFixed(4), +ly.toFixed(4)] }
	});
}
regions.sort((p, q) => p.properties.iso.localeCompare(q.properties.iso));
labels.sort((p, q) => p.properties.iso.localeCompare(q.properties.iso));
if (regions.length !== 31) throw new Error(`Expected 31 regions, found ${regions.length}`);

mkdirSync(outDir, { recursive: true });
writeFileSync(
	join(outDir, 'tanzania-regions.geojson'),
	JSON.stringify({ type: 'FeatureCollection', features: regions })
);
writeFileSync(
	join(outDir, 'region-labels.geojson'),
	JSON.stringify({ type: 'FeatureCollection', features: labels })
);
copyFileSync(join(pkgDir, 'LICENSE'), join(outDir, 'LICENSE-amcharts-geodata.md'));
writeFileSync(
	join(outDir, 'ATTRIBUTION.json'),
	JSON.stringify(
		{
			package: PACKAGE,
			version: installed,
			file: 'json/tanzaniaHigh.json',
			credit: 'Boundaries: amCharts geodata',
			licence: 'LICENSE-amcharts-geodata.md'
		},
		null,
		'\t'
	)
);
console.log(`boundaries: 31 regions from ${PACKAGE}@${installed} written to static/geo/`);
