// Turns the raw timings of the three engines into the printed tables: first run and median of
// the warm runs per step, the ratios, the agreement check and memory peaks.

import { ITEMS } from './surveyColumns.mjs';

export function median(values) {
	const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '—');
const ratio = (a, b) =>
	Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : '—';
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

function table(head, rows) {
	const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
	const line = (cells) =>
		cells
			.map((cell, c) =>
				c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c])
			)
			.join('  ');
	return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Per step: { first, median } of the run values (run 0 is the first run after load). */
function steps(runs, pick) {
	const values = runs.map(pick);
	return { first: values[0], median: median(values.slice(1)) };
}

/** The step values of each engine, all in ms; the warm median is taken per run total, not summed. */
export function summarise(result) {
	const w = result.wasm.timings;
	const p = result.papaparse.timings;
	const n = result.native.timings;
	const h = result.wasmHttp.timings;
	return {
		wasmHttp: {
			create: steps(h, (r) => r.createMs),
			ingest: steps(h, (r) => r.createMs)
		},
		wasm: {
			fetch: steps(w, (r) => r.fetchMs),
			register: steps(w, (r) => r.registerMs),
			create: steps(w, (r) => r.createMs),
			ingest: steps(w, (r) => r.fetchMs + r.registerMs + r.createMs),
			shares: steps(w, (r) => r.simpleMs),
			survey: steps(w, (r) => r.surveyMs),
			pass: steps(w, (r) => r.fetchMs + r.registerMs + r.createMs + r.simpleMs)
		},
		papaparse: {
			fetch: steps(p, (r) => r.fetchMs),
			create: steps(p, (r) => r.parseMs),
			ingest: steps(p, (r) => r.fetchMs + r.parseMs),
			shares: steps(p, (r) => r.aggregateMs),
			pass: steps(p, (r) => r.wallMs)
		},
		native: {
			create: steps(n, (r) => r.createMs),
			ingest: steps(n, (r) => r.createMs),
			shares: steps(n, (r) => r.simpleMs),
			survey: steps(n, (r) => r.surveyMs),
			pass: steps(n, (r) => r.createMs + r.simpleMs)
		}
	};
}

/** `source`: 'file' when the page read the chosen file, 'http' when it fetched the CSV. */
export function timingTable(s, source = 'http') {
	const cells = (step) => [ms(step?.first), ms(step?.median)];
	const row = (label, key) => [
		label,
		...cells(s.wasm[key]),
		...cells(s.papaparse[key]),
		...cells(s.native[key])
	];
	const text = table(
		['step (ms)', 'wasm 1st', 'wasm med', 'papa 1st', 'papa med', 'native 1st', 'native med'],
		[
			row(source === 'file' ? 'take the chosen File (no read)' : 'fetch CSV into JS', 'fetch'),
			row(
				source === 'file'
					? 'registerFile (File, read in place)'
					: 'registerFile (copy to wasm heap)',
				'register'
			),
			row('CREATE TABLE read_csv | Papa.parse', 'create'),
			row('= ingest', 'ingest'),
			['alt ingest: read_csv(URL) *', ...cells(s.wasmHttp.ingest), '', '', '', ''],
			row('region×area shares: SQL | JS loop', 'shares'),
			row('surveySharesQuery (with SEs)', 'survey'),
			row('one pass: ingest + shares', 'pass')
		]
	);
	return (
		text +
		'\n* DuckDB-WASM downloads the whole file on first use of a URL and keeps it; warm runs only' +
		'\n  send a HEAD and re-read its cached copy (see "CSV served" below).'
	);
}

export function ratioTable(s) {
	const med = (engine, key) => s[engine][key]?.median;
	const row = (label, a, b) => [
		label,
		ratio(med(a, 'ingest'), med(b, 'ingest')),
		ratio(med(a, 'create'), med(b, 'create')),
		ratio(med(a, 'shares'), med(b, 'shares')),
		ratio(med(a, 'survey'), med(b, 'survey')),
		ratio(med(a, 'pass'), med(b, 'pass'))
	];
	return table(
		['ratio of medians', 'ingest', 'create|parse', 'shares', 'survey', 'one pass'],
		[
			row('wasm / native', 'wasm', 'native'),
			row('wasm via URL / native', 'wasmHttp', 'native'),
			row('papaparse / wasm', 'papaparse', 'wasm')
		]
	);
}

const cellKey = (region, area) => `${region}|${area}`;

function simpleShares(rows) {
	const map = new Map();
	for (const row of rows) {
		ITEMS.forEach((item, k) => map.set(`${cellKey(row.region, row.area)}|${k}`, Number(row[item])));
	}
	return map;
}

function papaShares(cells) {
	const map = new Map();
	for (const cell of cells)
		cell.shares.forEach((v, k) => map.set(`${cellKey(cell.region, cell.area)}|${k}`, v));
	return map;
}

/** region × area rows of surveySharesQuery's output, as the same keys; `field` is share or se. */
function surveyField(rows, field, regionAreaOnly = true) {
	const map = new Map();
	for (const row of rows) {
		if (regionAreaOnly && (row.region === null || row.area === 'total')) continue;
		map.set(`${cellKey(row.region, row.area)}|${ITEMS.indexOf(row.item)}`, Number(row[field]));
	}
	return map;
}

function maxDifference(a, b) {
	let max = 0;
	let compared = 0;
	for (const [key, value] of a) {
		const other = b.get(key);
		if (other === undefined || !Number.isFinite(value) || !Number.isFinite(other))
			return { max: NaN, compared, missing: key };
		max = Math.max(max, Math.abs(value - other));
		compared += 1;
	}
	return { max, compared: compared === b.size ? compared : NaN };
}

export function agreementTable(result) {
	const wasmSimple = simpleShares(result.wasm.simpleRows);
	const checks = [
		['shares: native SQL vs wasm SQL', simpleShares(result.native.simpleRows), wasmSimple],
		['shares: papaparse+JS vs wasm SQL', papaShares(result.papaparse.shares), wasmSimple],
		[
			'shares: surveySharesQuery (wasm) vs wasm SQL',
			surveyField(result.wasm.surveyRows, 'share'),
			wasmSimple
		],
		[
			'survey share, all domains: native vs wasm',
			surveyField(result.native.surveyRows, 'share', false),
			surveyField(result.wasm.surveyRows, 'share', false)
		],
		[
			'survey se, all domains: native vs wasm',
			surveyField(result.native.surveyRows, 'se', false),
			surveyField(result.wasm.surveyRows, 'se', false)
		]
	];
	const rows = checks.map(([label, a, b]) => {
		const { max, compared } = maxDifference(a, b);
		return [
			label,
			Number.isFinite(compared) ? String(compared) : 'MISMATCH',
			Number.isFinite(max) ? max.toExponential(1) : 'MISMATCH'
		];
	});
	const worst = Math.max(...rows.map((r) => (r[2] === 'MISMATCH' ? Infinity : Number(r[2]))));
	return { text: table(['agreement check', 'values', 'max |Δ|'], rows), ok: worst < 1e-9 };
}

export function memoryTable(peaks) {
	const rows = [...peaks.entries()]
		.filter(([phase]) => phase !== 'setup')
		.map(([phase, { browser, node }]) => [phase, browser > 0 ? mb(browser) : '—', mb(node)]);
	return table(['phase (peak PSS)', 'Chromium', 'Node (native)'], rows);
}
