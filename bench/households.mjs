// A DHS-like household file of any size from a fixed seed, for `npm run bench:upload` and
// `npm run bench:changes`: what a person uploads as survey microdata.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededUniform, writeLines } from './generateSurvey.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The year is in the name, as in many exports: the DHS preset takes the survey year from it. */
export const HOUSEHOLDS_FILE_NAME = 'tz_dhs_2022_households.csv';
const HOUSEHOLDS_PER_CLUSTER = 22;

// The file: one row per household, DHS recode names. hv024 holds region names as exports write
// them: mostly the official name, some in capitals or lower case, some a known variant
// (data/regions.csv), so the region review has real matching to do. hv025 is 1 urban / 2 rural,
// hv005 the weight × 1,000,000 (integer), hv021 the cluster, hv022 the stratum (region × area),
// and three 0/1 items (electricity, mobile phone, television) with about 1% missing.

function regionsFromCsv() {
	const lines = readFileSync(join(ROOT, 'data/regions.csv'), 'utf8').trim().split(/\r?\n/);
	const header = lines[0].split(',');
	const at = (name) => header.indexOf(name);
	return lines.slice(1).map((line) => {
		const cells = line.split(',');
		const official = cells[at('name_official')];
		const variants = (cells[at('variants')] ?? '').split('|').filter((v) => v !== '');
		return { official, written: [official.toUpperCase(), official.toLowerCase(), ...variants] };
	});
}

const logistic = (x) => 1 / (1 + Math.exp(-x));

/** Writes `rows` households to `path`; returns the file's size in bytes. */
export function writeHouseholds(path, rows, seed) {
	const uniform = seededUniform(seed);
	const strata = [];
	for (const region of regionsFromCsv()) {
		const urbanShare = region.official === 'Dar es Salaam' ? 0.95 : 0.2 + 0.3 * uniform();
		const size = 0.5 + 1.5 * uniform();
		const effect = 1.2 * (uniform() - 0.5);
		for (const area of [1, 2]) {
			strata.push({
				region,
				area,
				code: strata.length + 1,
				size: size * (area === 1 ? urbanShare : 1 - urbanShare),
				weight: area === 1 ? 400_000 + 300_000 * uniform() : 900_000 + 800_000 * uniform(),
				effect: effect + (area === 1 ? 1 : -0.6)
			});
		}
	}
	const total = strata.reduce((sum, s) => sum + s.size, 0);
	let cumulative = 0;
	for (const s of strata) s.upTo = cumulative += s.size / total;

	const item = (linear) => (uniform() < 0.01 ? '' : uniform() < logistic(linear) ? '1' : '0');
	writeLines(path, 'hhid,hv001,hv005,hv021,hv022,hv024,hv025,hv206,hv243a,hv208', (push) => {
		let stratum = strata[0];
		let cluster = 0;
		let weight = 0;
		let name = '';
		let clusterEffect = 0;
		for (let i = 0; i < rows; i++) {
			const household = (i % HOUSEHOLDS_PER_CLUSTER) + 1;
			if (household === 1) {
				cluster += 1;
				const u = uniform();
				stratum = strata.find((s) => u < s.upTo) ?? strata[strata.length - 1];
				weight = Math.round(stratum.weight * (0.7 + 0.6 * uniform()));
				// A cluster's rows share one spelling, as when files from several teams are joined.
				const w = uniform();
				const { official, written } = stratum.region;
				name = w < 0.85 ? official : written[Math.floor(uniform() * written.length)];
				clusterEffect = 0.6 * (uniform() - 0.5);
			}
			const linear = stratum.effect + clusterEffect;
			push(
				`${cluster} ${household},${cluster},${weight},${cluster},${stratum.code},${name},${stratum.area},` +
					`${item(linear - 0.5)},${item(linear + 1.8)},${item(linear - 1.2)}`
			);
		}
	});
	return statSync(path).size;
}
