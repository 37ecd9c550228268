/**
 * A Parquet file read in the page with hyparquet (a pure-JavaScript reader), a row group at a
 * time, into batches of the raw text table native DuckDB's read_parquet stages (parquetSql.ts):
 * row k of the file as row k + 1, every value as DuckDB's CAST to text gives it (parquetText.ts),
 * null as ''. Each batch goes to DuckDB-WASM as an Arrow IPC stream. Runs in parquet.worker.ts, and
 * in Node for the tests; it reads the file through an AsyncBuffer, by slices.
 */
import { parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, FileMetaData, ParquetParsers, SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import {
	Field,
	Int32,
	makeData,
	RecordBatch,
	Schema,
	Struct,
	Utf8,
	tableToIPC,
	Table
} from 'apache-arrow';
import {
	dateText,
	decimalText,
	floatText,
	nestedText,
	timeText,
	timestampText
} from './parquetText';

/** What the footer says about a file: its columns, rows and row groups. */
export interface ParquetFacts {
	/** Top-level column names, in order (DuckDB's column names). */
	names: string[];
	/** Rows in the whole file. */
	rows: number;
	/** Rows in each row group, in order. */
	rowGroups: number[];
}

/** Rows of one batch at most: a larger row group goes to DuckDB in parts (decoded once). */
export const BATCH_ROWS = 65_536;

/** A timestamp as hyparquet's parser hands it over, in nanoseconds, before its column formats it. */
class Instant {
	constructor(readonly nanos: bigint) {}
}

/** Dates and timestamps kept exact (hyparquet's own parsers make JavaScript Dates, to the ms). */
const PARSERS: Partial<ParquetParsers> = {
	timestampFromMilliseconds: (ms: bigint) => new Instant(ms * 1_000_000n),
	timestampFromMicroseconds: (us: bigint) => new Instant(us * 1000n),
	timestampFromNanoseconds: (ns: bigint) => new Instant(ns),
	dateFromDays: (days: number) => dateText(days)
};

/** An AsyncBuffer over a Blob (a chosen File): each read is a slice, never the whole file. */
export function blobBuffer(blob: Blob): AsyncBuffer {
	return { byteLength: blob.size, slice: (start, end) => blob.slice(start, end).arrayBuffer() };
}

export async function readFacts(
	file: AsyncBuffer
): Promise<{ metadata: FileMetaData; facts: ParquetFacts }> {
	// The footer is read from the file's end: 64 KiB first (more when it is longer), not 512 KiB.
	const metadata = await parquetMetadataAsync(file, { initialFetchSize: 1 << 16 });
	const names = parquetSchema(metadata).children.map((c) => c.element.name);
	const rowGroups = metadata.row_groups.map((g) => Number(g.num_rows));
	return { metadata, facts: { names, rows: Number(metadata.num_rows), rowGroups } };
}

/** How a top-level column's values become DuckDB's text. */
export function columnFormatter(column: SchemaTree): (value: unknown) => string {
	const { element } = column;
	const { type, converted_type: converted, logical_type: logical } = element;
	const scalar = (value: unknown): string => {
		if (value === null || value === undefined) return '';
		if (value instanceof Instant) {
			const nanosUnit =
				type !== 'INT96' && logical?.type === 'TIMESTAMP' && logical.unit === 'NANOS';
			// DuckDB reads an instant adjusted to UTC as TIMESTAMP WITH TIME ZONE, shown in UTC here.
			const utc = logical?.type === 'TIMESTAMP' && logical.isAdjustedToUTC;
			return timestampText(value.nanos, nanosUnit ? 9 : 6, utc && type !== 'INT96');
		}
		if (typeof value === 'number') {
			if (converted === 'DECIMAL') return decimalText(value, element.scale ?? 0);
			if (type === 'FLOAT') return floatText(value, true);
			if (type === 'DOUBLE') return floatText(value);
			if (converted === 'TIME_MILLIS' || (logical?.type === 'TIME' && logical.unit === 'MILLIS'))
				return timeText(BigInt(value) * 1_000_000n, 6);
			return String(value);
		}
		if (typeof value === 'bigint') {
			if (converted === 'TIME_MICROS' || (logical?.type === 'TIME' && logical.unit === 'MICROS'))
				return timeText(value * 1000n, 6);
			if (logical?.type === 'TIME' && logical.unit === 'NANOS') return timeText(value, 9);
			return value.toString();
		}
		if (typeof value === 'boolean') return value ? 'true' : 'false';
		if (typeof value === 'string') return value;
		return String(value);
	};
	if (column.children.length === 0) return scalar;
	return (value) => (value === null || value === undefined ? '' : nestedText(value, scalar));
}

/** One batch of the raw table: its first file row (0-based) and each column's texts. */
export interface TextBatch {
	firstRow: number;
	/** One array per column of the file; null for a column not read (its cells stay NULL). */
	columns: (string[] | null)[];
}

/**
 * Read rows [rowStart, rowEnd) of the columns at `indices` (0-based; all when null) as texts, a
 * batch of at most BATCH_ROWS rows at a time, handing each to `onBatch` before the next is read.
 */
export async function readTextBatches(
	file: AsyncBuffer,
	metadata: FileMetaData,
	options: { rowStart: number; rowEnd: number; indices: number[] | null },
	onBatch: (batch: TextBatch) => Promise<void>
): Promise<void> {
	const top = parquetSchema(metadata).children;
	const indices = options.indices ?? top.map((_, i) => i);
	const formats = indices.map((i) => columnFormatter(top[i]!));
	let groupStart = 0;
	for (const group of metadata.row_groups) {
		const groupEnd = groupStart + Number(group.num_rows);
		const first = Math.max(groupStart, options.rowStart);
		const last = Math.min(groupEnd, options.rowEnd);
		if (first < last) {
			// The row group is decoded once (a part of it would decode its pages again), then goes
			// to DuckDB in batches of at most BATCH_ROWS.
			const rows = await new Promise<unknown[][]>((resolve, reject) => {
				parquetRead({
					file,
					metadata,
					columns: indices.map((i) => top[i]!.element.name),
					rowStart: first,
					rowEnd: last,
					compressors,
					parsers: PARSERS,
					onComplete: (r: unknown[][]) => resolve(r)
				}).catch(reject);
			});
			for (let from = 0; from < rows.length; from += BATCH_ROWS) {
				const part = rows.slice(from, from + BATCH_ROWS);
				const columns: (string[] | null)[] = top.map(() => null);
				indices.forEach((index, j) => {
					const format = formats[j]!;
					columns[index] = part.map((row) => format(row[j]));
				});
				await onBatch({ firstRow: first + from, columns });
			}
		}
		groupStart = groupEnd;
	}
}

const encoder = new TextEncoder();

/** A column of texts as Arrow Utf8 data (null where the column was not read). */
function utf8Data(texts: string[] | null, length: number) {
	const offsets = new Int32Array(length + 1);
	if (texts === null) {
		return makeData({
			type: new Utf8(),
			length,
			nullCount: length,
			nullBitmap: new Uint8Array(Math.ceil(length / 8)),
			valueOffsets: offsets,
			data: new Uint8Array(0)
		});
	}
	let bytes = new Uint8Array(Math.max(64, length * 8));
	let used = 0;
	texts.forEach((text, i) => {
		// A UTF-8 encoding takes at most three bytes per UTF-16 unit.
		if (used + text.length * 3 > bytes.length) {
			const grown = new Uint8Array(Math.max(bytes.length * 2, used + text.length * 3));
			grown.set(bytes.subarray(0, used));
			bytes = grown;
		}
		used += encoder.encodeInto(text, bytes.subarray(used)).written;
		offsets[i + 1] = used;
	});
	return makeData({
		type: new Utf8(),
		length,
		valueOffsets: offsets,
		data: bytes.subarray(0, used)
	});
}

/**
 * One batch as an Arrow IPC stream whose columns are the raw table's: __row (the file row k as
 * k + 1, as a spreadsheet with a header row numbers it), __fields (the column count), c1 … cN.
 */
export function batchIPC(batch: TextBatch): Uint8Array {
	const length = batch.columns.find((c) => c !== null)?.length ?? 0;
	const rowNumbers = Int32Array.from({ length }, (_, i) => batch.firstRow + i + 2);
	const widths = new Int32Array(length).fill(batch.columns.length);
	const fields = [
		new Field('__row', new Int32(), false),
		new Field('__fields', new Int32(), false),
		...batch.columns.map((_, i) => new Field(`c${i + 1}`, new Utf8(), true))
	];
	const children = [
		makeData({ type: new Int32(), length, data: rowNumbers }),
		makeData({ type: new Int32(), length, data: widths }),
		...batch.columns.map((texts) => utf8Data(texts, length))
	];
	const struct = makeData({ type: new Struct(fields), length, children });
	const table = new Table([new RecordBatch(new Schema(fields), struct)]);
	return tableToIPC(table, 'stream');
}
