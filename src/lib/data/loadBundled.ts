import type { IndicatorInfo } from '$lib/domain/indicators';
import type { Connector } from '$lib/db/connector';
import type { Zone } from '$lib/country';
import { bundledTables, surveyItems } from '$lib/domain/bundledTables';
import {
	matchRegionName,
	regionNameIndex,
	type Region,
	type RegionMatch
} from '$lib/domain/regions';
import type { CellProblem, TableSpec } from '$lib/domain/tableSpec';
import {
	createObservationsQuery,
	insertPublishedQuery,
	insertSimsPer100Query,
	insertSurveyEstimatesQuery,
	regionNameMapQuery,
	surveyHouseholdsViewQuery
} from '$lib/sql/observations';
import { quoteIdent } from '$lib/db/quote';
import { catalogQuery } from '$lib/sql/viewQueries';
import { readCsvHeader } from './csvHeader';
import { readTextTable } from './ingest';
import type { ProblemRow } from '$lib/sql/ingest';
import {
	createTypedQuery,
	headerProblems,
	LINE,
	problemsQuery,
	rawTableName,
	readRawQuery
} from '$lib/sql/validateTable';

/** The source id of the bundled synthetic survey's estimates. */
export const SURVEY_SOURCE_ID = 'synthetic-demo';

/** A bundled file failed its checks: nothing typed was built from it. */
export class DataFileError extends Error {
	constructor(
		readonly problems: readonly CellProblem[],
		readonly total: number
	) {
		super(`${problems[0]?.file ?? 'A data file'}: ${total} problem(s)`);
		this.name = 'DataFileError';
	}
}

export interface BundledData {
	regions: Region[];
	indicators: IndicatorInfo[];
	/** Survey region spellings that are island totals, not regions: reported, never mapped. */
	islandNames: string[];
}

export type FetchFile = (file: string) => Promise<Uint8Array>;

/** Engines report the failing line in their messages in a few shapes; find it when present. */
export function lineFromEngineMessage(message: string): number | undefined {
	const m = /\bline:?\s*(\d+)/i.exec(message);
	return m ? Number(m[1]) : undefined;
}

/** The engine's message without its list of generic "possible fixes". */
function firstLines(message: string): string {
	return message
		.split('\n')
		.filter((l) => l.trim() !== '')
		.slice(0, 3)
		.join(' ');
}

/** "2016=2015-16" pairs from SQL into a year → label map. */
export function periodLabels(pairs: Iterable<string> | null): Record<number, string> {
	const out: Record<number, string> = {};
	for (const pair of pairs ?? []) {
		const at = pair.indexOf('=');
		out[Number(pair.slice(0, at))] = pair.slice(at + 1);
	}
	return out;
}

/**
 * One bundled file through the ingest pipeline (ingest.ts): its header checked against its spec,
 * read into its text table, every cell judged, and the typed table loaded only when nothing was
 * found. Strict rules: any problem stops the load with a DataFileError.
 */
async function ingestBundledFile(db: Connector, spec: TableSpec, bytes: Uint8Array): Promise<void> {
	const header = readCsvHeader(bytes);
	const wrongHeader = headerProblems(spec, header);
	if (wrongHeader.length > 0) throw new DataFileError(wrongHeader, wrongHeader.length);
	await readTextTable(db, {
		name: spec.file,
		bytes,
		query: (path) => readRawQuery(spec, path, header),
		refused: (detail) =>
			new DataFileError(
				[
					{
						file: spec.file,
						line: lineFromEngineMessage(detail),
						kind: 'unreadable',
						detail: firstLines(detail)
					}
				],
				1
			)
	});
	const problems = await db.query<ProblemRow<string> & { total: number }>(problemsQuery(spec));
	if (problems.length > 0) {
		throw new DataFileError(
			problems.map((p) => ({
				file: spec.file,
				line: p.row ?? undefined,
				column: p.col ?? undefined,
				value: p.value ?? '',
				kind: p.kind as CellProblem['kind'],
				detail: p.detail ?? undefined
			})),
			problems[0]!.total
		);
	}
	await db.query(createTypedQuery(spec));
}

async function readRegions(db: Connector): Promise<Region[]> {
	const rows = await db.query<{
		nbs_code: string;
		iso_code: string;
		name_official: string;
		name_en: string;
		zone: Zone;
		population_2022: number;
		variants: string | null;
	}>('SELECT * FROM regions ORDER BY iso_code');
	return rows.map((r) => ({
		nbsCode: r.nbs_code,
		isoCode: r.iso_code,
		nameOfficial: r.name_official,
		nameEn: r.name_en,
		zone: r.zone,
		population2022: Number(r.population_2022),
		variants: (r.variants ?? '').split('|').filter((v) => v.length > 0)
	}));
}

/** Resolve every region spelling in the survey; a name that resolves to nothing stops the load. */
async function mapSurveyRegions(
	db: Connector,
	regions: Region[],
	spec: TableSpec
): Promise<string[]> {
	const file = spec.file;
	const written = await db.query<{ region: string; first_line: number }>(
		`SELECT region, min(${quoteIdent(LINE)}) AS first_line FROM ${quoteIdent(spec.table)} GROUP BY region ORDER BY first_line`
	);
	const index = regionNameIndex(regions);
	const pairs: { written: string; isoCode: string }[] = [];
	const islands: string[] = [];
	const unmatched: CellProblem[] = [];
	for (const { region, first_line } of written) {
		const match: RegionMatch = matchRegionName(region, index);
		if (match.status === 'matched') pairs.push({ written: region, isoCode: match.isoCode });
		else if (match.status === 'island') islands.push(region);
		else
			unmatched.push({
				file,
				line: first_line,
				column: 'region',
				value: region,
				kind: 'unknown-reference',
				detail: 'regions.csv'
			});
	}
	if (unmatched.length > 0) throw new DataFileError(unmatched, unmatched.length);
	await db.query(regionNameMapQuery(pairs));
	return islands;
}

/**
 * Load, check and derive everything the dashboard shows from the bundled files. Any problem stops
 * the load with a DataFileError that names file, line, column and value.
 */
export async function loadBundled(db: Connector, fetchFile: FetchFile): Promise<BundledData> {
	const files = await Promise.all(
		bundledTables.map(async (spec) => {
			try {
				return await fetchFile(spec.file);
			} catch (error) {
				const detail = error instanceof Error ? error.message : String(error);
				throw new DataFileError([{ file: spec.file, kind: 'unreadable', detail }], 1);
			}
		})
	);
	for (const [i, spec] of bundledTables.entries()) await ingestBundledFile(db, spec, files[i]!);
	const surveySpec = bundledTables.find((t) => t.table === 'survey_synthetic')!;
	const regions = await readRegions(db);
	const islandNames = await mapSurveyRegions(db, regions, surveySpec);
	await db.query(surveyHouseholdsViewQuery(surveySpec.table, 'survey_households'));
	await db.query(createObservationsQuery());
	await db.query(insertPublishedQuery());
	await db.query(insertSimsPer100Query());
	await db.query(
		insertSurveyEstimatesQuery(
			{
				table: 'survey_households',
				region: 'region_iso',
				area: 'area_code',
				weight: 'weight',
				cluster: 'cluster',
				stratum: 'stratum',
				year: 'year'
			},
			surveyItems.map((column) => ({ column, indicatorId: `hh_${column}` })),
			SURVEY_SOURCE_ID
		)
	);
	for (const spec of bundledTables)
		await db.query(`DROP TABLE IF EXISTS ${quoteIdent(rawTableName(spec))}`);
	return { regions, indicators: await readCatalog(db), islandNames };
}

/** The indicators that have values for at least two regions, as the catalog query lists them. */
export async function readCatalog(db: Connector): Promise<IndicatorInfo[]> {
	const catalog = await db.query<{
		indicator_id: string;
		label_en: string;
		label_sw: string | null;
		unit: IndicatorInfo['unit'];
		definition_en: string;
		definition_sw: string | null;
		has_urban_rural: boolean;
		region_years: Iterable<number> | null;
		region_periods: Iterable<string> | null;
		synthetic: boolean;
		uploaded: boolean;
		first_source: string;
		region_rows: number;
	}>(catalogQuery());
	// A bundled map or ranking needs at least two regions (HBS 2007 reports Dar es Salaam alone);
	// an uploaded file for one region, or any subset, is a legitimate file and maps with the
	// other regions "not in this file".
	return catalog
		.filter((r) => Number(r.region_rows) >= (r.uploaded ? 1 : 2))
		.map((r) => ({
			id: r.indicator_id,
			label: { en: r.label_en, sw: r.label_sw || r.label_en },
			unit: r.unit,
			definition: { en: r.definition_en, sw: r.definition_sw || r.definition_en },
			hasUrbanRural: Boolean(r.has_urban_rural),
			years: Array.from(r.region_years ?? [], Number),
			periods: periodLabels(r.region_periods),
			synthetic: Boolean(r.synthetic),
			uploadedFrom: r.uploaded ? r.first_source.slice('upload-'.length) : null
		}));
}
