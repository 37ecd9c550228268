/**
 * Import one uploaded file into DuckDB, from its UTF-8 bytes and the person's choices, the same way
 * every time: the first import and every re-import after a reload run this code, so a dataset
 * reopened from storage is exactly the one the person checked.
 */
import { QueryCancelledError, type Connector } from '$lib/db/connector';
import { insertSurveyEstimatesQuery } from '$lib/sql/observations';
import { FLAG_BELOW_N, SUPPRESS_BELOW_N } from '$lib/domain/reliability';
import { quoteIdent } from '$lib/db/quote';
import {
	datasetTables,
	dropDatasetQueries,
	regionDecisionsQuery,
	rejectedRowsQuery,
	type ImportMapping
} from './importSql';
import { judgedQuery, problemsQuery } from './judgeSql';
import {
	indicatorIdsQuery,
	indicatorRowsQuery,
	insertIndicatorObservationsQuery,
	microdataViewQuery,
	smallCellsQuery
} from './loadSql';
import { columnProfileBatches, columnProfilesQuery, toColumnProfiles } from './columnProfiles';
import { readRawQuery, structuralProblem, tooManyColumns } from './readSql';
import { scanProblems, scanRecords, type RecordScan } from './recordScan';
import { CELL_EXCERPT_CHARS, cellExcerpt } from '$lib/domain/cellExcerpt';
import type { ColumnProfile, Dialect, UploadProblem, UploadProblemKind } from './types';

export class ImportError extends Error {
	constructor(readonly problem: UploadProblem) {
		super(`${problem.file}: ${problem.kind}${problem.detail ? ` (${problem.detail})` : ''}`);
		this.name = 'ImportError';
	}
}

export interface DatasetMeta {
	id: string;
	name: string;
	fileName: string;
	/** What the person says the data is and where it comes from; shown as the source. */
	sourceNote: string;
	/** ISO date of the import, for the source record. */
	importedAt: string;
}

export interface ImportReport {
	/** Data rows in the file (blank lines excluded). */
	rowsRead: number;
	/** Rows that passed every check and are in the dataset. */
	rowsLoaded: number;
	/** Rows kept aside because of at least one error. */
	rowsRejected: number;
	/** At most `PROBLEM_LIMIT` problems, in row order; `problemCounts` has them all by kind. */
	problems: UploadProblem[];
	problemCounts: Partial<Record<UploadProblemKind, number>>;
	indicatorIds: string[];
	/**
	 * The measure to open each new indicator with: 'gap' when the file gives urban and rural
	 * values but no totals (a total cannot be made without population weights), else 'total'.
	 */
	openWith: Record<string, 'total' | 'gap'>;
	/** For microdata: cells with fewer than 25 cases (flagged) or 10 (suppressed). */
	smallCells: { indicatorId: string; region: string; area: string; year: number; n: number }[];
}

export const PROBLEM_LIMIT = 1000;

/**
 * Read the file into the dataset's raw text table. The bytes are handed to DuckDB (not copied);
 * a byte scan (`scan`, computed here when not given, better in a worker for big files) finds the
 * record structure first. Returns the structural problems (unterminated or stray quotes), each
 * naming its row; those rows are kept aside by importDataset.
 */
export async function stageRaw(
	db: Connector,
	meta: Pick<DatasetMeta, 'id' | 'fileName'>,
	utf8: Uint8Array,
	mapping: Pick<ImportMapping, 'dialect' | 'columnCount'>,
	scan: RecordScan = scanRecords(utf8, mapping.dialect)
): Promise<UploadProblem[]> {
	// Refused before DuckDB sees the file: its own message for a table this wide would mean nothing.
	const wide = tooManyColumns(meta.fileName, Math.max(mapping.columnCount, scan.maxFields));
	if (wide) throw new ImportError(wide);
	const tables = datasetTables(meta.id);
	const registered = `${tables.raw}.csv`;
	const structural = scanProblems(scan, meta.fileName);
	const empty = structural.find((p) => p.kind === 'empty-file');
	if (empty) throw new ImportError(empty);
	const path = await db.registerFile(registered, utf8);
	try {
		await db.query(readRawQuery(path, mapping.dialect, mapping.columnCount, tables.raw, scan));
	} catch (error) {
		if (error instanceof QueryCancelledError) throw error;
		const message = error instanceof Error ? error.message : String(error);
		throw new ImportError(structuralProblem(message, meta.fileName));
	} finally {
		await db.dropFile(registered);
	}
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

function definitionTexts(kind: ImportMapping['roles']['kind'], label: string, meta: DatasetMeta) {
	if (kind === 'microdata') {
		return {
			en: `Weighted share of rows where “${label}” is yes (1), estimated by Pengo from the uploaded file ${meta.fileName} with design-based 95% confidence intervals. Cells with fewer than ${FLAG_BELOW_N} cases are flagged and fewer than ${SUPPRESS_BELOW_N} suppressed.`,
			sw: `Uwiano uliozingatia uzito wa safu ambazo “${label}” ni ndiyo (1), uliokadiriwa na Pengo kutoka faili lililopakiwa ${meta.fileName} pamoja na vipindi vya uhakika vya asilimia 95 vinavyozingatia muundo wa sampuli. Visanduku vyenye chini ya kesi ${FLAG_BELOW_N} vimewekewa alama na vyenye chini ya ${SUPPRESS_BELOW_N} vimefichwa.`
		};
	}
	return {
		en: `${label}, as published in the uploaded file ${meta.fileName}.`,
		sw: `${label}, kama ilivyochapishwa katika faili lililopakiwa ${meta.fileName}.`
	};
}

async function addDefinitions(
	db: Connector,
	meta: DatasetMeta,
	mapping: ImportMapping,
	ids: readonly { label: string; indicatorId: string; hasUrbanRural: boolean }[],
	unit: ImportMapping['unit']
): Promise<void> {
	const tables = datasetTables(meta.id);
	await db.query({
		sql: `INSERT INTO sources (source_id, title, publisher, year, licence, note) VALUES (?, ?, ?, ?, ?, ?)`,
		params: [
			tables.source,
			`${meta.name} (${meta.fileName})`,
			meta.sourceNote.trim() === '' ? 'Uploaded by the user' : meta.sourceNote.trim(),
			// sources.year is text (some sources give periods such as 2015-16).
			meta.importedAt.slice(0, 4),
			'As stated by the uploader',
			`Uploaded ${meta.importedAt.slice(0, 10)}`
		]
	});
	for (const id of ids) {
		const text = definitionTexts(mapping.roles.kind, id.label, meta);
		await db.query({
			sql: `INSERT INTO indicator_definitions (indicator_id, label_en, unit, definition_en, label_sw, definition_sw, has_urban_rural, source_ids)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			params: [
				id.indicatorId,
				id.label,
				unit,
				text.en,
				id.label,
				text.sw,
				id.hasUrbanRural,
				tables.source
			]
		});
	}
}

type ProblemRow = {
	row: number | null;
	col: number | null;
	value: string | null;
	value_length: number | null;
	kind: string;
	detail: string | null;
	severity: string;
};

function problemFrom(row: ProblemRow, file: string, labels: readonly string[]): UploadProblem {
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
	const tables = datasetTables(meta.id);
	for (const q of dropDatasetQueries(tables).slice(0, 4)) await db.query(q);
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

	const [counts] = await db.query<{ read: number; rejected: number }>({
		sql: `SELECT
	(SELECT count(*) FROM ${quoteIdent(tables.raw)} WHERE __row > ? AND NOT (__fields = 1 AND coalesce(c1, '') = '')) AS read,
	(SELECT count(DISTINCT row) FROM ${quoteIdent(tables.problems)} WHERE severity = 'error') AS rejected`,
		params: [mapping.dialect.headerRow]
	});
	// A problem's value is a cell, which can hold megabytes: the report shows its start and length.
	const problemRows = await db.query<ProblemRow>({
		sql: `SELECT row, col, left(value, ${Number(CELL_EXCERPT_CHARS)}) AS value, length(value) AS value_length,
	kind, detail, severity
FROM ${quoteIdent(tables.problems)} LIMIT ?`,
		params: [PROBLEM_LIMIT]
	});
	const byKind = await db.query<{ kind: UploadProblemKind; n: number }>(
		`SELECT kind, count(*) AS n FROM ${quoteIdent(tables.problems)} GROUP BY kind ORDER BY kind`
	);

	let indicatorIds: string[];
	const openWith: ImportReport['openWith'] = {};
	const smallCells: ImportReport['smallCells'] = [];
	if (mapping.roles.kind === 'indicators') {
		await db.query(indicatorRowsQuery(mapping, tables));
		const ids = await db.query<{ indicator: string; indicator_id: string }>(
			indicatorIdsQuery(tables)
		);
		const withAreas = await db.query<{ indicator: string; areas: number; totals: number }>(
			`SELECT indicator, count(DISTINCT area) FILTER (WHERE area <> 'total') AS areas,
	count(*) FILTER (WHERE area = 'total' AND geo_kind = 'region' AND value IS NOT NULL) AS totals
FROM ${quoteIdent(tables.rows)} GROUP BY indicator`
		);
		for (const i of ids) {
			const a = withAreas.find((w) => w.indicator === i.indicator);
			openWith[i.indicator_id] =
				a && Number(a.totals) === 0 && Number(a.areas) === 2 ? 'gap' : 'total';
		}
		const areas = new Map(withAreas.map((a) => [a.indicator, Number(a.areas)]));
		await addDefinitions(
			db,
			meta,
			mapping,
			ids.map((i) => ({
				label: i.indicator,
				indicatorId: i.indicator_id,
				hasUrbanRural: (areas.get(i.indicator) ?? 0) > 0
			})),
			mapping.unit
		);
		await db.query(
			insertIndicatorObservationsQuery(
				tables,
				ids.map((i) => ({ indicator: i.indicator, indicatorId: i.indicator_id })),
				mapping.unit
			)
		);
		indicatorIds = ids.map((i) => i.indicator_id);
	} else {
		await db.query(microdataViewQuery(mapping, tables));
		const items = mapping.roles.columns
			.filter((c) => c.role === 'item')
			.map((c, k) => ({
				column: `i${c.index}`,
				indicatorId: `up_${tables.key}_${k + 1}`,
				label: mapping.labels[c.index - 1] ?? `column ${c.index}`
			}));
		await addDefinitions(
			db,
			meta,
			mapping,
			items.map((i) => ({ label: i.label, indicatorId: i.indicatorId, hasUrbanRural: true })),
			'percent'
		);
		const has = (role: 'cluster' | 'stratum') => mapping.roles.columns.some((c) => c.role === role);
		await db.query(
			insertSurveyEstimatesQuery(
				{
					table: tables.rows,
					region: 'region_iso',
					area: 'area_code',
					weight: 'weight',
					cluster: has('cluster') ? 'cluster' : undefined,
					stratum: has('stratum') ? 'stratum' : undefined,
					year: 'year'
				},
				items.map((i) => ({ column: i.column, indicatorId: i.indicatorId })),
				tables.source
			)
		);
		indicatorIds = items.map((i) => i.indicatorId);
		for (const i of items) openWith[i.indicatorId] = 'total';
		const small = await db.query<{
			indicator_id: string;
			geo_code: string;
			area: string;
			year: number;
			n: number;
		}>(smallCellsQuery(tables.source));
		smallCells.push(
			...small.map((s) => ({
				indicatorId: s.indicator_id,
				region: s.geo_code,
				area: s.area,
				year: Number(s.year),
				n: Number(s.n)
			}))
		);
	}

	const [loaded] = await db.query<{ n: number }>(
		`SELECT count(DISTINCT __row) AS n FROM ${quoteIdent(tables.rows)}`
	);
	return {
		rowsRead: Number(counts?.read ?? 0),
		rowsLoaded: Number(loaded?.n ?? 0),
		rowsRejected: Number(counts?.rejected ?? 0),
		problems: problemRows.map((p) => problemFrom(p, meta.fileName, mapping.labels)),
		problemCounts: Object.fromEntries(byKind.map((k) => [k.kind, Number(k.n)])),
		indicatorIds,
		openWith,
		smallCells
	};
}

/** The rejected rows as [header, ...rows], each with an error column, ready for the CSV writer. */
export async function rejectedRows(
	db: Connector,
	id: string,
	mapping: Pick<ImportMapping, 'columnCount' | 'labels'>
): Promise<string[][]> {
	const tables = datasetTables(id);
	const rows = await db.query(rejectedRowsQuery(tables, mapping.columnCount));
	const header = ['row', ...mapping.labels, 'pengo_error'];
	return [
		header,
		...rows.map((r) => [
			String(r.__row),
			...Array.from({ length: mapping.columnCount }, (_, i) => {
				const v = r[`c${i + 1}`];
				return v === null || v === undefined ? '' : String(v);
			}),
			String(r.errors ?? '')
		])
	];
}

/** Remove everything a dataset added to the database. */
export async function dropDataset(db: Connector, id: string): Promise<void> {
	for (const q of dropDatasetQueries(datasetTables(id))) await db.query(q);
}
