#!/usr/bin/env node
// `npm run aggregate -- FILE [options]`: the Datasets page's import, run by native DuckDB on a file
// too large for a browser tab. The same modules the page runs (sniff, checks, region matching,
// survey estimator) read the file; the region × area × year estimates, their standard errors and
// flags are written as Parquet and CSV, beside a metadata file and the rejected rows. The CSV
// loads on the Datasets page as an indicator table. docs/scaling.md says when to use which path.
//
// FILE is a CSV (or other delimited text, in any encoding the page reads; .gz is unpacked) or a
// Parquet file (read where it is, by DuckDB's own reader). A text file of more than 2 GiB (unpacked)
// is read where it is too, after a byte scan in 64 MiB pieces: it must then be well-formed UTF-8
// (broken quotes, padded fields, mixed line ends or another encoding are named, with what to do).
// An Excel workbook (.xlsx) is read as the page reads it: the sheet and header rows from
// --choices, else the first sheet with cells and the page's header guess.
//
// Options:
//   --out DIR       where the outputs go (default: FILE's name + ".pengo" beside it)
//   --choices FILE  choices saved earlier: the Datasets page's "Choices for npm run aggregate"
//                   of a dataset, or a metadata.json this command wrote. Dialect, roles, unit and
//                   region decisions are taken from it, and its name and source unless given
//   --name TEXT     the dataset's name (default: the file name)
//   --source TEXT   where the data comes from, as the page's "Source" field
//   --threads N     engine threads (default: all cores)
//   --memory SIZE   the engine's memory limit, e.g. 8GB (default: 75% of this machine's memory)

import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { closeSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip, gunzipSync } from 'node:zlib';
import { appModuleLoader } from './appModules.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Node reads at most this much into one buffer; a larger text file is read in place. */
const MAX_BYTES = 2 ** 31 - 1;

function options(argv) {
	const values = {
		out: null,
		choices: null,
		name: null,
		source: null,
		threads: null,
		memory: null
	};
	let file = null;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) {
			if (file) throw new Error(`One file at a time: "${file}" and "${arg}" were both given.`);
			file = arg;
			continue;
		}
		const name = arg.slice(2);
		if (!(name in values)) {
			throw new Error(
				`Unknown option "${arg}". Use --out, --choices, --name, --source, --threads or --memory.`
			);
		}
		const value = argv[++i];
		if (value === undefined) throw new Error(`${arg} needs a value.`);
		values[name] = value;
	}
	if (!file) throw new Error('Name the file to aggregate: npm run aggregate -- survey.csv');
	if (values.threads !== null && !(Number.isInteger(+values.threads) && +values.threads > 0)) {
		throw new Error(`--threads needs a positive whole number, not "${values.threads}".`);
	}
	return { file: resolve(file), ...values };
}

/** Bytes per piece when a file too big to hold is scanned in place. */
const PIECE_BYTES = 64 * 2 ** 20;
/** The sniff reads this much of a file's start, as the page does. */
const HEAD_BYTES = 2 * 2 ** 20;

/** The file's pieces in order (unpacked when its name ends in .gz), never held whole. */
async function* piecesOf(path) {
	const stream = createReadStream(path, { highWaterMark: PIECE_BYTES });
	const source = path.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
	for await (const chunk of source) {
		yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
	}
}

/** The first `HEAD_BYTES` of the (unpacked) file. */
async function headOf(path) {
	const parts = [];
	let length = 0;
	for await (const piece of piecesOf(path)) {
		parts.push(piece);
		length += piece.length;
		if (length >= HEAD_BYTES) break;
	}
	const head = new Uint8Array(Math.min(length, HEAD_BYTES));
	let at = 0;
	for (const part of parts) {
		const take = part.subarray(0, head.length - at);
		head.set(take, at);
		at += take.length;
		if (at === head.length) break;
	}
	return head;
}

/**
 * A text file as the import reads it: its bytes when they fit in one buffer (gunzipped when its
 * name ends in .gz), else read in place by the engine (DuckDB unpacks a .gz itself) after a byte
 * scan of its pieces.
 */
async function textSource(path) {
	const size = statSync(path).size;
	const inPlace = async () => ({
		kind: 'text-in-place',
		path,
		head: await headOf(path),
		size: path.endsWith('.gz') ? Number.MAX_SAFE_INTEGER : size,
		pieces: () => piecesOf(path)
	});
	if (size > MAX_BYTES) return inPlace();
	const bytes = readFileSync(path);
	if (!path.endsWith('.gz')) {
		return { kind: 'text', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
	}
	try {
		const text = gunzipSync(bytes, { maxOutputLength: MAX_BYTES });
		return { kind: 'text', bytes: new Uint8Array(text.buffer, text.byteOffset, text.length) };
	} catch (error) {
		if (error?.code !== 'ERR_BUFFER_TOO_LARGE') throw error;
		return inPlace();
	}
}

/**
 * An Excel workbook (told by its first bytes, as the page tells it): the chosen sheet (from the
 * choices, else the first with cells and a guessed header) as the page's CSV of it, with the
 * dialect the page fixes for it; null for any other file. A workbook that cannot be read is
 * refused with what to do.
 */
async function workbookSource(loader, path, given) {
	const { looksLikeWorkbook } = await loader.load('/src/lib/upload/xlsxMagic.ts');
	const fd = openSync(path, 'r');
	const head = Buffer.alloc(8);
	try {
		readSync(fd, head, 0, 8, 0);
	} finally {
		closeSync(fd);
	}
	if (!looksLikeWorkbook(new Uint8Array(head))) return null;
	const { readWorkbookBytes } = await loader.load('/src/lib/upload/xlsx.worker.ts');
	const { workbookDialect } = await loader.load('/src/lib/upload/xlsxClient.ts');
	const read = readWorkbookBytes(new Uint8Array(readFileSync(path)), given.workbook);
	if (!read.ok) {
		throw new Error(
			`${basename(path)} cannot be read as an Excel workbook (${read.reason}): save it as .xlsx ` +
				'(without a password) or as CSV, and run again.'
		);
	}
	const dialect = workbookDialect(read.csvHeaderRow, read.errorCodes, given.dialect);
	console.log(
		`workbook: sheet "${read.choice.sheet}", header row ${read.choice.headerRow}` +
			(read.choice.headerRows > 1 ? ` (${read.choice.headerRows} rows)` : '')
	);
	return {
		source: { kind: 'text', bytes: read.csv },
		choices: { workbook: read.choice, dialect }
	};
}

/** The file's SHA-256, read as a stream (a Parquet file is never held whole). */
async function sha256Of(path) {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk);
	return hash.digest('hex');
}

/** True when the file starts with Parquet's magic bytes. */
function startsAsParquet(path) {
	const fd = openSync(path, 'r');
	try {
		const head = Buffer.alloc(4);
		return readSync(fd, head, 0, 4, 0) === 4 && head.toString('latin1') === 'PAR1';
	} finally {
		closeSync(fd);
	}
}

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
	const opts = options(process.argv.slice(2));
	const started = performance.now();
	const fileName = basename(opts.file);
	const out = resolve(opts.out ?? `${opts.file.replace(/\.gz$/, '')}.pengo`);
	const work = join(out, '.work');
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });

	const loader = await appModuleLoader(ROOT);
	const { openNativeConnector } = await loader.load('/tests/native-connector.ts');
	const { loadBundled } = await loader.load('/src/lib/data/loadBundled.ts');
	const unattended = await loader.load('/src/lib/upload/unattended.ts');
	const { writeCsv } = await loader.load('/src/lib/export/csvWriter.ts');

	const { readChoicesFile } = await loader.load('/src/lib/upload/choicesFile.ts');
	const choices = opts.choices
		? readChoicesFile(JSON.parse(readFileSync(opts.choices, 'utf8')), basename(opts.choices))
		: { mapping: {} };
	const mappingGiven = choices.mapping;
	const memoryLimit = opts.memory ?? `${Math.floor((totalmem() * 0.75) / 2 ** 20)}MB`;
	const threads = opts.threads ? Number(opts.threads) : availableParallelism();
	const parquet = startsAsParquet(opts.file);
	// Parquet, and text too big to hold, are read where they are: the one file outside its folder
	// the engine may read. A workbook's sheet goes on as the CSV the page makes of it.
	const workbook = parquet ? null : await workbookSource(loader, opts.file, mappingGiven);
	const source = parquet
		? { kind: 'parquet', path: opts.file }
		: (workbook?.source ?? (await textSource(opts.file)));
	if (workbook) Object.assign(mappingGiven, workbook.choices);
	const db = await openNativeConnector({
		path: join(work, 'aggregate.duckdb'),
		threads,
		memoryLimit,
		dir: work,
		files: source.kind === 'text' ? [] : [opts.file]
	});
	try {
		const phase = (name) => console.log(`${seconds(performance.now() - started)}  ${name}`);
		phase(`reading ${fileName}`);
		const sha256 = await sha256Of(opts.file);
		const data = await loadBundled(
			db,
			async (f) => new Uint8Array(readFileSync(join(ROOT, 'data', f)))
		);
		const size = statSync(opts.file).size;
		const how = source.kind === 'text-in-place' ? ', read in place' : '';
		phase(`importing ${mib(size)}${how} with ${threads} threads, memory limit ${memoryLimit}`);
		const meta = {
			id: `agg${sha256.slice(0, 12)}`,
			name: opts.name ?? choices.name ?? fileName,
			fileName,
			sourceNote: opts.source ?? choices.sourceNote ?? '',
			importedAt: new Date().toISOString()
		};
		const result = await unattended.importUnattended(
			db,
			meta,
			source,
			data.regions,
			mappingGiven,
			(step) => phase(`  ${step}`)
		);
		phase('writing the outputs');
		const estimates = await db.query(unattended.datasetEstimatesQuery(meta.id));
		const columns = Object.keys(estimates[0] ?? {});
		const stem = fileName.replace(/\.(csv|tsv|txt|parquet|xlsx|xlsm)(\.gz)?$/i, '');
		const csvName = `${stem}-estimates.csv`;
		writeFileSync(
			join(out, csvName),
			writeCsv(
				columns,
				estimates.map((row) => columns.map((c) => row[c] ?? null))
			)
		);
		const parquetName = `${stem}-estimates.parquet`;
		const query = unattended.datasetEstimatesQuery(meta.id);
		await db.query({
			sql: `COPY (${query.sql}) TO '${join(work, parquetName).replaceAll("'", "''")}' (FORMAT parquet)`,
			params: query.params
		});
		renameSync(join(work, parquetName), join(out, parquetName));
		const rejected = await unattended.rejectedRows(
			db,
			meta.id,
			result.mapping,
			unattended.originalText(source, result.mapping.dialect)
		);
		const rejectedName = `${stem}-rejected.csv`;
		const [header, ...rows] = rejected;
		writeFileSync(join(out, rejectedName), writeCsv(header, rows));

		const label = (index) => result.mapping.labels[index - 1];
		const design = Object.fromEntries(
			['weight', 'cluster', 'stratum', 'region', 'area', 'year'].map((role) => [
				role,
				result.mapping.roles.columns.filter((c) => c.role === role).map((c) => label(c.index))[0] ??
					null
			])
		);
		const elapsedMs = performance.now() - started;
		const peakRss = process.resourceUsage().maxRSS * 1024;
		const metadata = {
			source: {
				name: meta.name,
				note: meta.sourceNote,
				file: fileName,
				bytes: size,
				sha256
			},
			made: {
				by: 'Pengo npm run aggregate (native DuckDB, the Datasets page’s own checks and estimator)',
				at: meta.importedAt,
				seconds: Number((elapsedMs / 1000).toFixed(2)),
				peakMemoryBytes: peakRss,
				threads,
				memoryLimit
			},
			design,
			items: result.mapping.roles.columns
				.filter((c) => c.role === 'item')
				.map((c) => label(c.index)),
			rows: {
				read: result.report.rowsRead,
				loaded: result.report.rowsLoaded,
				rejected: result.report.rowsRejected
			},
			problemCounts: result.report.problemCounts,
			guessed: result.guessed,
			regions: result.reviews.map((r) => ({
				written: r.written,
				rows: r.rows,
				status: r.status,
				isoCode: r.isoCode,
				via: r.via
			})),
			outputs: { estimatesCsv: csvName, estimatesParquet: parquetName, rejectedCsv: rejectedName },
			mapping: result.mapping
		};
		writeFileSync(join(out, 'metadata.json'), JSON.stringify(metadata, null, '\t') + '\n');
		console.log(
			[
				'',
				`${fileName}: ${result.report.rowsRead.toLocaleString('en')} rows read, ` +
					`${result.report.rowsLoaded.toLocaleString('en')} loaded, ` +
					`${result.report.rowsRejected.toLocaleString('en')} rejected`,
				`${estimates.length.toLocaleString('en')} estimates in ${seconds(elapsedMs)}, peak memory ${mib(peakRss)}`,
				result.guessed.length > 0
					? `Guessed as the Datasets page would: ${result.guessed.join(', ')} (see metadata.json; pass --choices to fix them)`
					: 'Every choice taken from --choices',
				`Written to ${out}/: ${csvName}, ${parquetName}, ${rejectedName}, metadata.json`
			].join('\n')
		);
	} finally {
		db.close();
		await loader.close();
		rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(`aggregate: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
});
