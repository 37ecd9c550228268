/**
 * Import one uploaded file into DuckDB, from its UTF-8 bytes and the person's choices, the same way
 * every time: the first import and every re-import after a reload run this code, so a dataset
 * reopened from storage is exactly the one the person checked.
 */
import type { Connector } from '$lib/db/connector';
import { readTextTable } from '$lib/data/ingest';
import type { ProblemRow } from '$lib/sql/ingest';
import { quoteIdent } from '$lib/db/quote';
import {
	datasetTables,
	dropDatasetQueries,
	problemPageQuery,
	regionDecisionsQuery,
	rejectedRowsQuery,
	type ImportMapping
} from './importSql';
import { judgedQuery, problemsQuery } from './judgeSql';
import { loadDataset } from './loadDataset';
import { columnProfileBatches, columnProfilesQuery, toColumnProfiles } from './columnProfiles';
import { readRawQuery, structuralProblem, tooManyColumns } from './readSql';
import { scanProblems, type RecordScan } from './recordScan';
import { prepareText } from './records';
import { recordTexts } from './recordText';
import { KIND_ORDER } from './problemGroups';
import { CELL_EXCERPT_CHARS, cellExcerpt } from '$lib/domain/cellExcerpt';
import type {
	ColumnProfile,
	DatasetMeta,
	Dialect,
	ImportReport,
	UploadProblem,
	UploadProblemKind
} from './types';

export class ImportError extends Error {
	constructor(readonly problem: UploadProblem) {
		super(`${problem.file}: ${problem.kind}${problem.detail ? ` (${problem.detail})` : ''}`);
		this.name = 'ImportError';
	}
}

export const PROBLEM_LIMIT = 1000;

/**
 * Read the file into the dataset's raw text table. The bytes are handed to DuckDB (not copied);
 * a byte scan finds the record structure first and broken fields are quoted (prepareText, better
 * run in a worker for big files: pass what prepareFile gives, its `utf8`, or the File itself when
 * that is null, and its `scan`; without a scan it runs here on the file's UTF-8 bytes). Returns the
 * structural problems (unterminated or stray quotes), each naming its row; those rows are kept
 * aside by importDataset.
 */
export async function stageRaw(
	db: Connector,
	meta: Pick<DatasetMeta, 'id' | 'fileName'>,
	text: Uint8Array | Blob | { path: string; scan: RecordScan },
	mapping: Pick<ImportMapping, 'dialect' | 'columnCount'>,
	prepared?: RecordScan
): Promise<UploadProblem[]> {
	// A file the engine reads in place (native, too big to hold) comes with its scan, and is
	// well-formed UTF-8 already (unattended.ts refuses it otherwise); so does a File prepareFile
	// found needing no change (the page's worker scanned it).
	if (text instanceof Blob && !prepared) {
		throw new Error('A file handed to DuckDB as it is needs its byte scan (prepareFile).');
	}
	const { utf8, scan } =
		'path' in text
			? { utf8: { path: text.path }, scan: text.scan }
			: prepared
				? { utf8: text, scan: prepared }
				: prepareText(text as Uint8Array, mapping.dialect);
	// Refused before DuckDB sees the file: its own message for a table this wide would mean nothing.
	const wide = tooManyColumns(meta.fileName, Math.max(mapping.columnCount, scan.maxFields));
	if (wide) throw new ImportError(wide);
	const tables = datasetTables(meta.id);
	const registered = `${tables.raw}.csv`;
	const structural = scanProblems(scan, meta.fileName);
	const empty = structural.find((p) => p.kind === 'empty-file');
	if (empty) throw new ImportError(empty);
	await readTextTable(db, {
		name: registered,
		bytes: utf8,
		query: (path) => readRawQuery(path, mapping.dialect, mapping.columnCount, tables.raw, scan),
		refused: (message) => new ImportError(structuralProblem(message, meta.fileName))
	});
	return structural;
}

/**
 * Every column's profile (see columnProfilesQuery), a batch of columns per query; `onBatch` gets
 * the share of columns done.
 */
export async function profileColumns(
	db: Connector,
	table: string,
	columnCount: number,
	dialect: Pick<Dialect, 'decimal' | 'thousands' | 'missing'>,
	headerRow: number,
	headers: string[],
	onBatch: (fraction: number) => void = () => {}
): Promise<ColumnProfile[]> {
	const rows: Record<string, unknown>[] = [];
	for (const [first, last] of columnProfileBatches(columnCount)) {
		rows.push(...(await db.query(columnProfilesQuery(table, last, dialect, headerRow, first))));
		onBatch(last / Math.max(1, columnCount));
	}
	return toColumnProfiles(rows, headers);
}

/** A problem of the dataset's problems table, its value cut to its start (see importDataset). */
type CutProblemRow = ProblemRow<number> & { value_length: number | null };

function problemFrom(row: CutProblemRow, file: string, labels: readonly string[]): UploadProblem {
	return {
		file,
		row: row.row ?? undefined,
		column: row.col !== null ? (labels[row.col - 1] ?? `column ${row.col}`) : undefined,
		value: row.value ?? undefined,
		valueLength: cellExcerpt(row.value ?? '', CELL_EXCERPT_CHARS, Number(row.value_length ?? 0)).cut
			? Number(row.value_length)
			: undefined,
		kind: row.kind as UploadProblemKind,
		detail: row.detail ?? undefined,
		severity: row.severity === 'warning' ? 'warning' : 'error'
	};
}

/**
 * The judge stage: every row checked in SQL into the dataset's problems table (the rows the byte
 * scan found broken added as errors), then counted and listed for the report. The raw table must
 * have been staged; the region decisions are written first, the checks read them.
 */
async function judgeDataset(
	db: Connector,
	meta: DatasetMeta,
	mapping: ImportMapping,
	structural: readonly UploadProblem[]
): Promise<
	Pick<ImportReport, 'rowsRead' | 'rowsRejected' | 'rowsRepeated' | 'problems' | 'problemCounts'>
> {
	const tables = datasetTables(meta.id);
	await db.query(regionDecisionsQuery(tables.regions, mapping.regions));
	await db.query(judgedQuery(mapping, tables));
	await db.query(problemsQuery(mapping, tables));
	const rowProblems = structural.filter((p) => p.row !== undefined);
	if (rowProblems.length > 0) {
		// Rows whose quotes are broken were read leniently and may be mangled: kept aside, named.
		await db.query({
			sql: `INSERT INTO ${quoteIdent(tables.problems)} VALUES ${rowProblems.map(() => "(?, NULL, ?, ?, ?, 'error')").join(', ')}`,
			params: rowProblems.flatMap((p) => [p.row!, p.value ?? null, p.kind, p.detail ?? null])
		});
	}

	const problems = quoteIdent(tables.problems);
	const [counts] = await db.query<{ read: number; rejected: number; repeated: number }>({
		sql: `SELECT
	(SELECT count(*) FROM ${quoteIdent(tables.raw)} WHERE __row > ? AND NOT (__fields = 1 AND coalesce(c1, '') = '')) AS read,
	(SELECT count(DISTINCT row) FROM ${problems} WHERE severity = 'error') AS rejected,
	(SELECT count(*) FROM (SELECT row FROM ${problems} WHERE kind = 'repeated-row'
		EXCEPT SELECT row FROM ${problems} WHERE severity = 'error')) AS repeated`,
		params: [mapping.dialect.headerRow]
	});
	const problemRows = await db.query<CutProblemRow>(
		problemPageQuery(tables, { kind: null, offset: 0, limit: PROBLEM_LIMIT }, CELL_EXCERPT_CHARS)
	);
	const byKind = await db.query<{ kind: UploadProblemKind; n: number }>(
		`SELECT kind, count(*) AS n FROM ${quoteIdent(tables.problems)} GROUP BY kind ORDER BY kind`
	);
	return {
		rowsRead: Number(counts?.read ?? 0),
		rowsRejected: Number(counts?.rejected ?? 0),
		rowsRepeated: Number(counts?.repeated ?? 0),
		problems: problemRows.map((p) => problemFrom(p, meta.fileName, mapping.labels)),
		problemCounts: Object.fromEntries(byKind.map((k) => [k.kind, Number(k.n)]))
	};
}

/**
 * Check every row, load the valid ones and add the dataset's indicators to the catalog. The raw
 * table must have been staged. Anything this dataset added before is removed first, so a
 * re-import or a replacement never leaves two copies.
 */
export async function importDataset(
	db: Connector,
	meta: DatasetMeta,
	mapping: ImportMapping,
	structural: readonly UploadProblem[] = []
): Promise<ImportReport> {
	for (const q of dropDatasetQueries(datasetTables(meta.id)).slice(0, 4)) await db.query(q);
	const judged = await judgeDataset(db, meta, mapping, structural);
	const loaded = await loadDataset(db, meta, mapping);
	return {
		rowsRead: judged.rowsRead,
		rowsLoaded: loaded.rowsLoaded,
		rowsRejected: judged.rowsRejected,
		rowsRepeated: judged.rowsRepeated,
		problems: judged.problems,
		problemCounts: judged.problemCounts,
		indicatorIds: loaded.indicatorIds,
		openWith: loaded.openWith,
		smallCells: loaded.smallCells
	};
}

/**
 * One page of an imported dataset's problems: one kind in file order, or all of them by kind in
 * reading order (KIND_ORDER: the file's structure first), each kind in file order. The report pages
 * through every problem with it (the report itself carries only the first PROBLEM_LIMIT).
 */
export async function problemPage(
	db: Connector,
	meta: Pick<DatasetMeta, 'id' | 'fileName'>,
	labels: readonly string[],
	kind: UploadProblemKind | null,
	offset: number,
	limit: number
): Promise<UploadProblem[]> {
	const rows = await db.query<CutProblemRow>(
		problemPageQuery(
			datasetTables(meta.id),
			{ kind, offset, limit, kindOrder: kind === null ? KIND_ORDER : [] },
			CELL_EXCERPT_CHARS
		)
	);
	return rows.map((p) => problemFrom(p, meta.fileName, labels));
}

/** "not-number (column “value”); ragged-row" from the query's "not-number 4; ragged-row". */
/** One error of a rejected row in words: its kind, and the label of its column when it has one. */
export type ExplainRejection = (kind: string, column: string | null) => string;

/** As codes, for scripts: "not-number (column “value”)". */
const codeReason: ExplainRejection = (kind, column) =>
	column === null ? kind : `${kind} (column “${column}”)`;

/** A rejected row's errors ("kind column; kind"), each explained, joined by "; ". */
function rejectionReason(
	errors: string,
	labels: readonly string[],
	explain: ExplainRejection = codeReason
): string {
	return errors
		.split('; ')
		.map((e) => {
			const [kind = '', column] = e.split(' ');
			if (column === undefined) return explain(kind, null);
			return explain(kind, labels[Number(column) - 1] ?? `column ${column}`);
		})
		.join('; ');
}

/**
 * The rejected rows as [header, ...rows], ready for the CSV writer: the row number, the reason (as
 * codes), with `explain` the reason in words too, the record's text exactly as in the file (from
 * `originalText`, the file decoded as it was imported, or a function giving the texts of the wanted
 * rows, as a worker does for a large file; empty without it), then the fields as read, a ragged
 * row's extra ones under "extra field N".
 */
export async function rejectedRows(
	db: Connector,
	id: string,
	mapping: Pick<ImportMapping, 'columnCount' | 'labels' | 'dialect'>,
	originalText: string | null | ((rows: number[]) => Promise<Map<number, string>>),
	explain?: ExplainRejection
): Promise<string[][]> {
	const rows = await db.query(rejectedRowsQuery(datasetTables(id)));
	const width = Math.max(
		mapping.columnCount,
		...Object.keys(rows[0] ?? {}).map((k) => Number(/^c(\d+)$/.exec(k)?.[1] ?? 0))
	);
	const wanted = rows.map((r) => Number(r.__rejected));
	const texts =
		originalText === null
			? new Map<number, string>()
			: typeof originalText === 'string'
				? recordTexts(originalText, mapping.dialect, wanted)
				: await originalText(wanted);
	const header = [
		'row',
		'reason',
		...(explain ? ['reason_explained'] : []),
		'original_record',
		...Array.from({ length: width }, (_, i) => mapping.labels[i] ?? `extra field ${i + 1}`)
	];
	return [
		header,
		...rows.map((r) => [
			String(r.__rejected),
			rejectionReason(String(r.errors ?? ''), mapping.labels),
			...(explain ? [rejectionReason(String(r.errors ?? ''), mapping.labels, explain)] : []),
			texts.get(Number(r.__rejected)) ?? '',
			...Array.from({ length: width }, (_, i) => {
				const v = r[`c${i + 1}`];
				return v === null || v === undefined ? '' : String(v);
			})
		])
	];
}

/** Remove everything a dataset added to the database. */
export async function dropDataset(db: Connector, id: string): Promise<void> {
	for (const q of dropDatasetQueries(datasetTables(id))) await db.query(q);
}
