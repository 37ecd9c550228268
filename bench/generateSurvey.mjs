// Synthetic survey microdata for the benchmark: the columns of data/survey-synthetic.csv, at any
// size, from a fixed seed. Regions are ISO codes (TZ-01 … TZ-31) and residence is lower case, so
// the CSV is cheap to write and every engine reads the same text.
//
// Design: 31 regions × urban/rural = 62 strata; clusters of 20 households drawn into strata in
// proportion to an assumed population; one weight per cluster. Items are 0/1 from a logistic model
// with region, residence and cluster effects; the three e-service items are blank ("not asked")
// for about 2% of households so every engine has to handle missing values the same way.

import { closeSync, existsSync, openSync, readFileSync, renameSync } from 'node:fs';
import { statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { COLUMNS } from './surveyColumns.mjs';

const GENERATOR_VERSION = 1;
const YEAR = 2024;
const REGION_COUNT = 31;
const HOUSEHOLDS_PER_CLUSTER = 20;
const ROWS_PER_WRITE = 50_000;

/** Weyl sequence through a murmur3-style finaliser: uniform doubles in [0, 1), fully determined by seed. */
export function seededUniform(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x9e3779b9) >>> 0;
		let z = state;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		z ^= z >>> 16;
		return (z >>> 0) / 4294967296;
	};
}

const logistic = (x) => 1 / (1 + Math.exp(-x));

/** Roughly standard normal: the sum of four uniforms, centred and scaled (enough for a toy model). */
const gaussian = (uniform) => (uniform() + uniform() + uniform() + uniform() - 2) * Math.sqrt(3);

function strataOf(uniform) {
	const strata = [];
	for (let r = 1; r <= REGION_COUNT; r++) {
		const region = `TZ-${String(r).padStart(2, '0')}`;
		const population = 0.5 + 1.5 * uniform();
		// TZ-02 is Dar es Salaam: almost all urban, with a thin rural stratum.
		const urbanShare = r === 2 ? 0.95 : 0.15 + 0.35 * uniform();
		const regionEffect = 0.6 * gaussian(uniform);
		for (const residence of ['urban', 'rural']) {
			const urban = residence === 'urban';
			strata.push({
				region,
				residence,
				code: `${region}-${urban ? 'U' : 'R'}`,
				size: population * (urban ? urbanShare : 1 - urbanShare),
				// Oversampled urban strata get smaller weights, as in most household surveys.
				baseWeight: urban ? 300 + 200 * uniform() : 700 + 400 * uniform(),
				effect: regionEffect + (urban ? 0.9 : -0.5)
			});
		}
	}
	const total = strata.reduce((sum, s) => sum + s.size, 0);
	let cumulative = 0;
	for (const s of strata) s.upTo = cumulative += s.size / total;
	return strata;
}

function pickStratum(strata, u) {
	for (const s of strata) if (u < s.upTo) return s;
	return strata[strata.length - 1];
}

/** One household's seven item values as CSV fields ('' = not asked). */
function itemFields(uniform, linear) {
	const draw = (shift) => (uniform() < logistic(linear + shift) ? 1 : 0);
	const mobile = draw(2.2);
	const smartphone = mobile ? draw(-0.3) : 0;
	const internet = smartphone ? draw(1.2) : draw(-2.5);
	const mobileMoney = mobile ? draw(0.8) : 0;
	const eService = (shift) => (uniform() < 0.02 ? '' : internet ? draw(shift) : draw(shift - 2));
	return [
		mobile,
		smartphone,
		internet,
		mobileMoney,
		eService(-1.8),
		eService(-0.6),
		eService(-2.2)
	];
}

/**
 * Writes `header`, then every line `produce` hands to its `push`, to `path`: in batches, so a file
 * of millions of rows never becomes one string.
 */
export function writeLines(path, header, produce) {
	const fd = openSync(path, 'w');
	let lines = [];
	const flush = () => {
		if (lines.length > 0) writeSync(fd, lines.join('\n') + '\n');
		lines = [];
	};
	try {
		writeSync(fd, header + '\n');
		produce((line) => {
			lines.push(line);
			if (lines.length === ROWS_PER_WRITE) flush();
		});
		flush();
	} finally {
		closeSync(fd);
	}
}

function writeCsv(path, rows, seed) {
	const uniform = seededUniform(seed);
	const strata = strataOf(uniform);
	writeLines(path, COLUMNS.join(','), (push) => {
		let cluster = 0;
		let stratum = strata[0];
		let weight = '';
		let clusterEffect = 0;
		for (let i = 0; i < rows; i++) {
			if (i % HOUSEHOLDS_PER_CLUSTER === 0) {
				cluster += 1;
				stratum = pickStratum(strata, uniform());
				weight = (stratum.baseWeight * (0.7 + 0.6 * uniform())).toFixed(4);
				clusterEffect = 0.5 * gaussian(uniform);
			}
			const hhId = YEAR * 100_000_000 + i + 1;
			const items = itemFields(uniform, stratum.effect + clusterEffect);
			push(
				`${hhId},${YEAR},${stratum.region},${stratum.residence},${weight},${cluster},${stratum.code},${items.join(',')}`
			);
		}
	});
}

/**
 * The CSV for `rows` and `seed` in `dir`, written only when no complete file for the same rows, seed
 * and generator version is there. Returns its name, size and whether it was reused.
 */
export function ensureSurveyCsv(dir, rows, seed) {
	const name = `survey-${rows}-seed${seed}-v${GENERATOR_VERSION}.csv`;
	const path = join(dir, name);
	const stampPath = `${path}.json`;
	if (existsSync(path) && existsSync(stampPath)) {
		const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
		const bytes = statSync(path).size;
		if (stamp.rows === rows && stamp.seed === seed && stamp.bytes === bytes) {
			return { name, path, bytes, reused: true, seconds: 0 };
		}
	}
	const started = performance.now();
	const partial = `${path}.partial`;
	writeCsv(partial, rows, seed);
	renameSync(partial, path);
	const bytes = statSync(path).size;
	writeFileSync(
		stampPath,
		JSON.stringify({ rows, seed, bytes, version: GENERATOR_VERSION }) + '\n'
	);
	return { name, path, bytes, reused: false, seconds: (performance.now() - started) / 1000 };
}
