/**
 * The Datasets page's steps run without a person at the screen: for `npm run aggregate`, which
 * takes a file too large for a browser to native DuckDB. Every step is the page's own function
 * (sniff, stage, profile, guess roles, match region names, judge, load), in the page's order;
 * where the page would stop for a person's choice, the choices given (a saved mapping from the
 * Datasets page) are taken, else the page's own default, which the result reports so that nothing
 * is decided silently.
 */
import { country } from '$lib/country';
import type { BoundQuery, Connector } from '$lib/db/connector';
import { normaliseRegionName, type Region } from '$lib/domain/regions';
import { regionDecisions } from './decisions';
import { headerRowCells } from './draft';
import { toUtf8 } from './encoding';
import { headerLabels } from './headerCells';
import { importDataset, profileColumns, rejectedRows, stageRaw } from './importer';
import { stageParquet } from './parquet';
import { PARQUET_DIALECT } from './parquetSql';
import {
	datasetTables,
	usualWidthQuery,
	writtenRegionsQuery,
	type ImportMapping
} from './importSql';
import { prepareText } from './records';
import { recordScanner, type RecordScan } from './recordScan';
import { reviewRegionNames } from './regionMatch';
import { guessRoles } from './roles';
import { previewRows, sniffSample, SAMPLE_BYTES } from './sniff';
import { PREVIEW_ROWS } from './sniff.worker';
import { guessUnit } from './unitGuess';
import type { DatasetMeta, Dialect, ImportReport, RegionNameReview, UploadProblem } from './types';

/** What a saved choices file may fix; anything left out is guessed as the page would. */
export type Choices = Partial<
	Pick<
		ImportMapping,
		'dialect' | 'roles' | 'unit' | 'indicatorName' | 'regions' | 'names' | 'workbook'
	>
>;

export interface UnattendedResult {
	mapping: ImportMapping;
	report: ImportReport;
	/** The header problems and the rows' problems, as the page's report would list them. */
	headerProblems: UploadProblem[];
	/** How every written region name was matched (the page's step 4). */
	reviews: RegionNameReview[];
	/** Which parts of the mapping were guessed rather than given. */
	guessed: ('dialect' | 'roles' | 'unit' | 'regions')[];
}

/**
 * A file to import: text (any encoding the page reads) as bytes; a text file too big to hold,
 * which the engine reads where it is (its first bytes for the sniff, its size, and its pieces in
 * order for the byte scan); or a Parquet file the engine reads.
 */
export type UnattendedSource =
	| { kind: 'text'; bytes: Uint8Array }
	| {
			kind: 'text-in-place';
			path: string;
			head: Uint8Array;
			size: number;
			pieces: () => AsyncIterable<Uint8Array>;
	  }
	/** `path`: where the engine reads the file (registered, or in its allowed folder). */
	| { kind: 'parquet'; path: string };

/** Rows a refusal names one by one. */
const NAMED_ROWS = 10;

/**
 * Why a text file read in place cannot be read as it is, or null. The page re-writes broken and
 * padded fields and mixed line ends before DuckDB reads them, and reads any encoding as UTF-8;
 * a file the engine reads in place gets none of that, so it is refused with what to fix.
 */
export function inPlaceRefusal(file: string, dialect: Dialect, scan: RecordScan): string | null {
	const fix = `${file} is read where it is (too big to hold in memory), so it must be well-formed UTF-8`;
	if (dialect.encoding !== 'utf-8' && dialect.encoding !== 'utf-8-bom') {
		return `${fix}; it reads as ${dialect.encoding}. Save it as UTF-8 (or as Parquet) and run again.`;
	}
	const rows = (list: number[]) =>
		list.slice(0, NAMED_ROWS).join(', ') + (list.length > NAMED_ROWS ? ', …' : '');
	const quoteRows = [
		...scan.strayQuoteRows,
		...(scan.unterminatedQuoteRow === null ? [] : [scan.unterminatedQuoteRow])
	];
	if (quoteRows.length > 0) {
		return `${fix}; the quotes are broken in row ${rows(quoteRows)}. Fix those rows, or split the file into parts under 2 GiB, which are repaired as the page repairs them.`;
	}
	if (scan.paddedFields > 0) {
		return `${fix}; ${scan.paddedFields.toLocaleString('en')} quoted fields have spaces outside their quotes. Remove the spaces, or split the file into parts under 2 GiB.`;
	}
	const { lf, crlf, cr } = scan.lineEnds;
	if ([lf, crlf, cr].filter((n) => n > 0).length > 1) {
		return `${fix}; its lines end in more than one way (${lf} LF, ${crlf} CRLF, ${cr} CR). Save it with one kind of line end, or split it into parts under 2 GiB.`;
	}
	return null;
}

/** Stage a text file the engine reads in place: the page's sniff on its head, one byte scan in pieces. */
async function stageInPlace(
	db: Connector,
	meta: DatasetMeta,
	source: Extract<UnattendedSource, { kind: 'text-in-place' }>,
	given: Dialect | undefined
): Promise<{ dialect: Dialect; columnCount: number; structural: UploadProblem[] }> {
	const sniff = sniffSample(source.head.subarray(0, SAMPLE_BYTES), source.size, given?.encoding);
	const dialect = given ?? sniff.dialect;
	const scanner = recordScanner(dialect);
	for await (const piece of source.pieces()) scanner.feed(piece);
	const scan = scanner.finish();
	const refusal = inPlaceRefusal(meta.fileName, dialect, scan);
	if (refusal) throw new Error(refusal);
	const columnCount = Math.max(
		1,
		previewRows(sniff.text, dialect, PREVIEW_ROWS, meta.fileName, sniff.truncated).columns
	);
	const structural = await stageRaw(
		db,
		meta,
		{ path: source.path, scan },
		{ dialect, columnCount }
	);
	return { dialect, columnCount: await usualWidth(db, meta, dialect, columnCount), structural };
}

/** As the page does after staging: the columns are as many as most records' fields. */
async function usualWidth(
	db: Connector,
	meta: DatasetMeta,
	dialect: Dialect,
	columnCount: number
): Promise<number> {
	const [usual] = await db.query<{ width: number }>(
		usualWidthQuery(datasetTables(meta.id).raw, dialect.headerRow)
	);
	return Math.max(1, Number(usual?.width ?? columnCount));
}

/** Stage a text file as the page does: sniffed dialect (unless given), byte scan, raw table. */
async function stageText(
	db: Connector,
	meta: DatasetMeta,
	bytes: Uint8Array,
	given: Dialect | undefined
): Promise<{ dialect: Dialect; columnCount: number; structural: UploadProblem[] }> {
	const sniff = sniffSample(bytes.subarray(0, SAMPLE_BYTES), bytes.length, given?.encoding);
	const dialect = given ?? sniff.dialect;
	// As the page's prepare worker does: broken fields quoted, so DuckDB reads the preview's records.
	const { utf8, scan } = prepareText(toUtf8(bytes, dialect.encoding), dialect);
	// The page counts columns from the widest record of its preview (the sniffed sample).
	const columnCount = Math.max(
		1,
		previewRows(sniff.text, dialect, PREVIEW_ROWS, meta.fileName, sniff.truncated).columns
	);
	const structural = await stageRaw(db, meta, utf8, { dialect, columnCount }, scan);
	return { dialect, columnCount: await usualWidth(db, meta, dialect, columnCount), structural };
}

/**
 * The text file decoded as the import decoded it, for the rejected rows' original records; null
 * for Parquet, or for a text too long to hold as one string.
 */
export function originalText(source: UnattendedSource, dialect: Dialect): string | null {
	if (source.kind !== 'text') return null;
	try {
		return new TextDecoder('utf-8').decode(toUtf8(source.bytes, dialect.encoding));
	} catch {
		return null;
	}
}

/**
 * Import one file into `db`, which must hold the bundled data (its region table is what region
 * names are matched against), exactly as the page would.
 */
export async function importUnattended(
	db: Connector,
	meta: DatasetMeta,
	source: UnattendedSource,
	regions: readonly Region[],
	choices: Choices = {},
	/** Told as each step starts: 'staging', 'profiling', 'regions', 'checking and loading'. */
	onStep: (step: string) => void = () => {}
): Promise<UnattendedResult> {
	const guessed: UnattendedResult['guessed'] = [];
	onStep('staging');
	let staged: { dialect: Dialect; columnCount: number; structural: UploadProblem[] };
	if (source.kind === 'parquet') {
		const columnCount = await stageParquet(db, meta, { path: source.path });
		staged = { dialect: PARQUET_DIALECT, columnCount, structural: [] };
	} else {
		if (!choices.dialect) guessed.push('dialect');
		staged =
			source.kind === 'text'
				? await stageText(db, meta, source.bytes, choices.dialect)
				: await stageInPlace(db, meta, source, choices.dialect);
	}
	const { dialect, columnCount, structural } = staged;
	const raw = datasetTables(meta.id).raw;
	const headers =
		dialect.headerRow > 0
			? await headerRowCells(db, raw, dialect.headerRow, columnCount)
			: Array.from({ length: columnCount }, () => '');
	const { labels, problems: headerProblems } = headerLabels(headers, meta.fileName);
	onStep('profiling');
	const profiles = await profileColumns(db, raw, columnCount, dialect, dialect.headerRow, headers);
	if (!choices.roles) guessed.push('roles');
	const roles = choices.roles ?? guessRoles(profiles, meta.fileName, regions);
	if (!choices.unit) guessed.push('unit');
	const unit =
		roles.kind === 'microdata' ? 'percent' : (choices.unit ?? guessUnit(profiles, roles).unit);

	onStep('regions');
	const region = roles.columns.find((c) => c.role === 'region');
	const written = region
		? await db.query<{ written: string; rows: number }>(
				writtenRegionsQuery(raw, region.index, dialect.headerRow)
			)
		: [];
	// A saved decision for a spelling is the person's choice; any other spelling is matched by the
	// page's rules, with nothing remembered.
	const given = new Map((choices.regions ?? []).map((d) => [d.written, d]));
	const remembered = Object.fromEntries(
		[...given.values()]
			.filter((d) => d.kind === 'region' && d.code)
			.map((d) => [normaliseRegionName(d.written), d.code!])
	);
	const reviews = reviewRegionNames(
		written.map((w) => ({ name: w.written, rows: Number(w.rows) })),
		regions,
		remembered
	);
	if (written.some((w) => !given.has(w.written))) guessed.push('regions');
	const decided = regionDecisions(reviews, regions).map((d) => given.get(d.written) ?? d);

	const mapping: ImportMapping = {
		dialect,
		columnCount,
		labels,
		roles,
		regions: decided,
		unit,
		indicatorName: choices.indicatorName?.trim() || meta.name,
		...(choices.names ? { names: choices.names } : {}),
		// A workbook's sheet and header rows, so the metadata says which table was read.
		...(choices.workbook ? { workbook: choices.workbook } : {})
	};
	onStep('checking and loading');
	const report = await importDataset(db, meta, mapping, structural);
	return { mapping, report, headerProblems, reviews, guessed };
}

/** The estimates (or published figures) one dataset put into `observations`, for the outputs. */
export function datasetEstimatesQuery(id: string): BoundQuery {
	const { source } = datasetTables(id);
	return {
		sql: `SELECT d.label_en AS indicator, o.indicator_id, o.geo_level, o.geo_code AS region_iso,
	coalesce(r.name_en, CASE WHEN o.geo_level = 'national' THEN ? END) AS region,
	o.area, o.year, o.value, o.lower, o.upper, o.ci_level, o.se, o.n, o.unit, o.note
FROM observations o
JOIN indicator_definitions d USING (indicator_id)
LEFT JOIN regions r ON r.iso_code = o.geo_code
WHERE o.source_id = ?
ORDER BY d.label_en, o.year, o.geo_level DESC, o.geo_code, o.area`,
		params: [country.names.en, source]
	};
}

/** The rejected rows with their reasons, as the page's download gives them. */
export { rejectedRows };
