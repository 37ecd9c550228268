#!/usr/bin/env node
// Pengo synthetic demonstration household survey.
//
// Writes data/survey-synthetic.csv: SYNTHETIC DEMONSTRATION DATA, NOT OFFICIAL STATISTICS.
// It exists only so the dashboard can show region x urban/rural gaps and e-service usage
// before an analyst uploads real microdata. The model is documented in data/README.md.
//
// Usage: node scripts/generate-survey.mjs [--seed N] [--out FILE] [--households-per-cluster N]
//
// Deterministic: the same seed and options give byte-identical output. Only Node built-ins and
// the column list in src/lib/domain/surveyColumns.js.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SURVEY_COLUMNS, SURVEY_ITEMS } from '../src/lib/domain/surveyColumns.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SEED = 20240611;
const DEFAULT_HOUSEHOLDS_PER_CLUSTER = 20;
const DEFAULT_OUT = resolve(ROOT, 'data', 'survey-synthetic.csv');

// ---------------------------------------------------------------------------------------------
// Model parameters (assumptions of the synthetic model, not facts about Tanzania)
// ---------------------------------------------------------------------------------------------

/** Survey rounds: the same cluster design, independent households. */
export const ROUNDS = [2021, 2024];

/** Average persons per household used to turn population into households (assumption). */
export const PERSONS_PER_HOUSEHOLD = 4.3;

/** Default clusters per stratum, with the two exceptions below. */
export const CLUSTERS = { urban: 12, rural: 16 };

/** Per-region cluster allocation overrides, keyed by NBS code. */
export const CLUSTER_OVERRIDES = {
	'07': { urban: 20, rural: 0 }, // Dar es Salaam: treated as entirely urban
	53: { urban: 14, rural: 4 } // Mjini Magharibi: mostly urban
};

/**
 * Assumed urban share of each region's population, keyed by NBS code. Chosen by hand to be
 * plausible for a demonstration; they are NOT census figures and must not be quoted as such.
 */
export const URBAN_SHARE = {
	'01': 0.25, // Dodoma
	'02': 0.35, // Arusha
	'03': 0.3, // Kilimanjaro
	'04': 0.25, // Tanga
	'05': 0.3, // Morogoro
	'06': 0.35, // Pwani
	'07': 1, // Dar es Salaam
	'08': 0.2, // Lindi
	'09': 0.25, // Mtwara
	10: 0.25, // Ruvuma
	11: 0.3, // Iringa
	12: 0.35, // Mbeya
	13: 0.15, // Singida
	14: 0.2, // Tabora
	15: 0.2, // Rukwa
	16: 0.2, // Kigoma
	17: 0.25, // Shinyanga
	18: 0.1, // Kagera
	19: 0.35, // Mwanza
	20: 0.2, // Mara
	21: 0.15, // Manyara
	22: 0.3, // Njombe
	23: 0.25, // Katavi
	24: 0.1, // Simiyu
	25: 0.2, // Geita
	26: 0.2, // Songwe
	51: 0.1, // Kaskazini Unguja
	52: 0.2, // Kusini Unguja
	53: 0.85, // Mjini Magharibi
	54: 0.2, // Kaskazini Pemba
	55: 0.25 // Kusini Pemba
};

/** Cluster-level non-response adjustment: a uniform factor in [1 - x, 1 + x]. */
export const NONRESPONSE_SPREAD = 0.2;

/** Standard deviation of the cluster random effect (logit scale). */
export const CLUSTER_SD = 0.5;

/** Standard deviation of the region-specific deviation of the urban effect (logit scale). */
export const REGION_URBAN_SD = 0.25;

/** In 2024 every urban effect is multiplied by this factor (the gap narrows). */
export const URBAN_EFFECT_2024 = 0.75;

/** Share of clusters whose region is written with a spelling other than the official name. */
export const VARIANT_SHARE = 0.2;

/**
 * Spellings always given to the first clusters of a region (in this order, one cluster each),
 * so the known field spellings are exercised whatever the seed. Each must be the English name
 * or a variant listed in data/regions.csv.
 */
export const SHOWCASE_SPELLINGS = {
	'01': ['DODOMA'],
	'06': ['Coast'],
	'07': ['DAR ES SALAAM', 'Dar-es-salaam', 'DSM'],
	12: ['Mbeya (since 2016)'],
	52: ['Zanzibar South & Central'],
	53: ['Town West', 'Minji/Magharibi Unguja'],
	54: ['Pemba North'],
	55: ['Pemba Kusini']
};

/**
 * Logistic model per item. logit p = intercept + terms for earlier items + region * r
 * + urban * u_region * [urban] + round2024 * [2024] + cluster * c, where r in [-1, 1] is the
 * scaled rank of the region's real 2022 DHS women-phone value, u_region the region's urban
 * multiplier and c the cluster random effect.
 */
export const ITEMS = {
	owns_mobile: { intercept: 0.3, region: 0.7, urban: 1.3, round2024: 0.5, cluster: 1 },
	owns_smartphone: {
		intercept: -1.3,
		region: 0.6,
		urban: 1.2,
		round2024: 0.6,
		cluster: 0.8,
		requires: 'owns_mobile'
	},
	used_internet: {
		intercept: -2.2,
		given: { owns_mobile: 0.6, owns_smartphone: 2.4 },
		region: 0.4,
		urban: 0.6,
		round2024: 0.4,
		cluster: 0.8
	},
	uses_mobile_money: {
		intercept: -2.5,
		given: { owns_mobile: 3.1 },
		region: 0.5,
		urban: 0.7,
		round2024: 0.4,
		cluster: 0.8
	},
	used_emrejesho: {
		intercept: -4.2,
		given: { used_internet: 1.3, uses_mobile_money: 0.5 },
		region: 0.3,
		urban: 0.5,
		round2024: 0.5,
		cluster: 0.5
	},
	used_gepg: {
		intercept: -3.3,
		given: { used_internet: 1, uses_mobile_money: 1.4 },
		region: 0.4,
		urban: 0.7,
		round2024: 0.5,
		cluster: 0.5
	},
	used_mgov: {
		intercept: -3.6,
		given: { used_internet: 1, uses_mobile_money: 0.8 },
		region: 0.3,
		urban: 0.5,
		round2024: 0.5,
		cluster: 0.5,
		requires: 'owns_mobile'
	}
};

// The items are listed once, in surveyColumns.js; the model gives each of them its terms.
if (Object.keys(ITEMS).join() !== SURVEY_ITEMS.join()) {
	throw new Error(
		`ITEMS must model exactly the survey items, in order: ${SURVEY_ITEMS.join(', ')}`
	);
}

export const HEADER = SURVEY_COLUMNS;

// ---------------------------------------------------------------------------------------------
// Random numbers: mulberry32, seeded from a 32-bit FNV-1a hash of a label, so that each cluster
// and round has its own independent stream.
// ---------------------------------------------------------------------------------------------

/** 32-bit FNV-1a hash of a string. */
export function hash32(text) {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** mulberry32: a small 32-bit generator returning floats in [0, 1). */
export function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A stream for a labelled purpose under a seed. */
function stream(seed, label) {
	return mulberry32(hash32(`${seed}:${label}`));
}

/** Standard normal draw by the Box-Muller transform. */
function normal(rand) {
	let u = rand();
	while (u <= 0) u = rand();
	const v = rand();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const logistic = (x) => 1 / (1 + Math.exp(-x));

// ---------------------------------------------------------------------------------------------
// Minimal CSV reading/writing (RFC 4180 quoting)
// ---------------------------------------------------------------------------------------------

function parseCsv(text) {
	const rows = [];
	let row = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
	return body.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j] ?? ''])));
}

function csvField(value) {
	const s = String(value);
	return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

function loadRegions() {
	const regions = parseCsv(readFileSync(resolve(ROOT, 'data', 'regions.csv'), 'utf8'));
	const indicators = parseCsv(readFileSync(resolve(ROOT, 'data', 'indicators.csv'), 'utf8'));
	const women2022 = new Map(
		indicators
			.filter(
				(r) =>
					r.indicator_id === 'women_mobile_phone' &&
					r.geo_level === 'region' &&
					r.area === 'total' &&
					r.year === '2022'
			)
			.map((r) => [r.geo_code, Number(r.value)])
	);
	for (const r of regions) {
		if (!women2022.has(r.iso_code)) throw new Error(`No 2022 women_mobile_phone for ${r.iso_code}`);
		if (URBAN_SHARE[r.nbs_code] === undefined) throw new Error(`No urban share for ${r.nbs_code}`);
	}
	// Rank anchor: position of the region's real 2022 value among the 31, scaled to [-1, 1].
	// Ties are broken by ISO code so the order is total and stable.
	const ordered = [...regions].sort(
		(a, b) =>
			women2022.get(a.iso_code) - women2022.get(b.iso_code) || a.iso_code.localeCompare(b.iso_code)
	);
	const n = ordered.length;
	const rank = new Map(ordered.map((r, i) => [r.iso_code, n > 1 ? (2 * i) / (n - 1) - 1 : 0]));
	return [...regions]
		.sort((a, b) => a.nbs_code.localeCompare(b.nbs_code))
		.map((r) => {
			const variants = r.variants ? r.variants.split('|').filter(Boolean) : [];
			const spellings = [r.name_en, ...variants, r.name_official.toUpperCase()];
			const alternates = [...new Set(spellings)].filter((s) => s !== r.name_official);
			for (const s of SHOWCASE_SPELLINGS[r.nbs_code] ?? []) {
				if (!alternates.includes(s))
					throw new Error(`${s} is not a listed spelling of ${r.name_official}`);
			}
			return {
				nbs: r.nbs_code,
				showcase: SHOWCASE_SPELLINGS[r.nbs_code] ?? [],
				iso: r.iso_code,
				name: r.name_official,
				alternates,
				population: Number(r.population_2022),
				rank: rank.get(r.iso_code)
			};
		});
}

// ---------------------------------------------------------------------------------------------
// Design: strata, clusters, spellings, cluster and region effects (shared by both rounds)
// ---------------------------------------------------------------------------------------------

function buildDesign(regions, seed, householdsPerCluster) {
	const clusters = [];
	let clusterId = 0;
	for (const region of regions) {
		const rand = stream(seed, `region:${region.iso}`);
		// Region-specific urban multiplier: poorer-ranked regions get wider gaps, plus noise.
		const urbanMultiplier = Math.max(0.3, 1 - 0.25 * region.rank + REGION_URBAN_SD * normal(rand));
		const alloc = CLUSTER_OVERRIDES[region.nbs] ?? CLUSTERS;
		const share = URBAN_SHARE[region.nbs];
		let regionCluster = 0;
		for (const [residence, count, popShare] of [
			['Urban', alloc.urban, share],
			['Rural', alloc.rural, 1 - share]
		]) {
			if (count === 0) continue;
			const stratum = `${region.iso}-${residence[0]}`;
			const householdsInStratum = Math.round(
				(region.population * popShare) / PERSONS_PER_HOUSEHOLD
			);
			const baseWeight = householdsInStratum / (count * householdsPerCluster);
			for (let k = 0; k < count; k++) {
				clusterId++;
				const crand = stream(seed, `cluster:${clusterId}`);
				const effect = CLUSTER_SD * normal(crand);
				const useVariant = region.alternates.length > 0 && crand() < VARIANT_SHARE;
				const pick = region.alternates[Math.floor(crand() * region.alternates.length)];
				const spelling = region.showcase[regionCluster] ?? (useVariant ? pick : region.name);
				regionCluster++;
				clusters.push({
					id: clusterId,
					region,
					residence,
					stratum,
					baseWeight,
					effect,
					urbanMultiplier,
					spelling
				});
			}
		}
	}
	return clusters;
}

// ---------------------------------------------------------------------------------------------
// Households
// ---------------------------------------------------------------------------------------------

function simulateHousehold(rand, cluster, year) {
	const urban = cluster.residence === 'Urban' ? 1 : 0;
	const late = year === 2024 ? 1 : 0;
	const urbanScale = cluster.urbanMultiplier * (late ? URBAN_EFFECT_2024 : 1);
	const out = {};
	for (const item of SURVEY_ITEMS) {
		const m = ITEMS[item];
		// Draw for every item, in a fixed order, so the stream stays aligned.
		const u = rand();
		if (m.requires && out[m.requires] !== 1) {
			out[item] = 0;
			continue;
		}
		let x = m.intercept + m.region * cluster.region.rank + m.round2024 * late;
		x += m.urban * urbanScale * urban + m.cluster * cluster.effect;
		for (const [dep, beta] of Object.entries(m.given ?? {})) x += beta * out[dep];
		out[item] = u < logistic(x) ? 1 : 0;
	}
	return out;
}

export function generate({
	seed = DEFAULT_SEED,
	householdsPerCluster = DEFAULT_HOUSEHOLDS_PER_CLUSTER
} = {}) {
	const regions = loadRegions();
	const clusters = buildDesign(regions, seed, householdsPerCluster);
	const lines = [HEADER.join(',')];
	for (const year of ROUNDS) {
		let seq = 0;
		for (const cluster of clusters) {
			const rand = stream(seed, `round:${year}:cluster:${cluster.id}`);
			const adjustment = 1 - NONRESPONSE_SPREAD + 2 * NONRESPONSE_SPREAD * rand();
			const weight = (cluster.baseWeight * adjustment).toFixed(4);
			for (let h = 0; h < householdsPerCluster; h++) {
				seq++;
				const items = simulateHousehold(rand, cluster, year);
				const row = [
					`${year}${String(seq).padStart(5, '0')}`,
					year,
					cluster.spelling,
					cluster.residence,
					weight,
					cluster.id,
					cluster.stratum,
					...SURVEY_ITEMS.map((k) => items[k])
				];
				lines.push(row.map(csvField).join(','));
			}
		}
	}
	return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
	const opts = {
		seed: DEFAULT_SEED,
		out: DEFAULT_OUT,
		householdsPerCluster: DEFAULT_HOUSEHOLDS_PER_CLUSTER
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = () => inline ?? argv[++i];
		if (flag === '--seed') opts.seed = Number(value());
		else if (flag === '--out') opts.out = resolve(value());
		else if (flag === '--households-per-cluster') opts.householdsPerCluster = Number(value());
		else if (flag === '--help' || flag === '-h') {
			console.log(
				'Usage: node scripts/generate-survey.mjs [--seed N] [--out FILE] [--households-per-cluster N]'
			);
			process.exit(0);
		} else throw new Error(`Unknown option ${argv[i]}`);
	}
	if (!Number.isInteger(opts.seed)) throw new Error('--seed must be an integer');
	if (
		!Number.isInteger(opts.householdsPerCluster) ||
		opts.householdsPerCluster < 1 ||
		opts.householdsPerCluster > 99
	) {
		throw new Error('--households-per-cluster must be an integer from 1 to 99');
	}
	return opts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const opts = parseArgs(process.argv.slice(2));
	const csv = generate(opts);
	mkdirSync(dirname(opts.out), { recursive: true });
	writeFileSync(opts.out, csv, 'utf8');
	const rows = csv.split('\n').length - 2;
	console.log(`Wrote ${rows} synthetic households to ${opts.out} (seed ${opts.seed})`);
}
