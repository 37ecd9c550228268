/**
 * The load stage of an upload (src/lib/data/ingest.ts describes the stages): the rows that passed
 * every check become the dataset's rows, its indicators' definitions and source, and its
 * observations (indicator tables) or survey estimates (microdata). Runs after the judge stage.
 */
import type { BoundQuery, Connector } from '$lib/db/connector';
import { insertSurveyEstimatesQuery } from '$lib/sql/observations';
import { FLAG_BELOW_N, SUPPRESS_BELOW_N } from '$lib/domain/reliability';
import { quoteIdent } from '$lib/db/quote';
import { datasetTables, type ImportMapping } from './importSql';
import { columnItem, itemName, writtenItem } from './itemNames';
import {
	indicatorIdsQuery,
	indicatorRowsQuery,
	insertIndicatorObservationsQuery,
	microdataViewQuery,
	smallCellsQuery
} from './loadSql';
import type { DatasetMeta, ImportReport } from './types';

/** `column`: for a survey item, the header of its yes/no column (the label may be the person's name). */
function definitionTexts(
	kind: ImportMapping['roles']['kind'],
	label: string,
	meta: DatasetMeta,
	column = label
) {
	if (kind === 'microdata') {
		return {
			en: `${label}: weighted share of rows where “${column}” is yes (1), estimated by Pengo from the uploaded file ${meta.fileName} with design-based 95% confidence intervals. Cells with fewer than ${FLAG_BELOW_N} cases are flagged and fewer than ${SUPPRESS_BELOW_N} suppressed.`,
			sw: `${label}: uwiano uliozingatia uzito wa safu ambazo “${column}” ni ndiyo (1), uliokadiriwa na Pengo kutoka faili lililopakiwa ${meta.fileName} pamoja na vipindi vya uhakika vya asilimia 95 vinavyozingatia muundo wa sampuli. Visanduku vyenye chini ya kesi ${FLAG_BELOW_N} vimewekewa alama na vyenye chini ya ${SUPPRESS_BELOW_N} vimefichwa.`
		};
	}
	return {
		en: `${label}, as published in the uploaded file ${meta.fileName}.`,
		sw: `${label}, kama ilivyochapishwa katika faili lililopakiwa ${meta.fileName}.`
	};
}

/**
 * The source's year is the data's, not the upload's: "2022", or "2012–2022" for a file of several
 * rounds (the upload date stays in the source's note). Unchanged when no row was loaded.
 */
export function sourceYearQuery(sourceId: string): BoundQuery {
	return {
		sql: `UPDATE sources SET year = y.span
FROM (
	SELECT CASE WHEN min(year) = max(year) THEN CAST(min(year) AS VARCHAR)
		ELSE CAST(min(year) AS VARCHAR) || '–' || CAST(max(year) AS VARCHAR) END AS span
	FROM observations WHERE source_id = ? AND year IS NOT NULL
	HAVING count(*) > 0
) y
WHERE sources.source_id = ?`,
		params: [sourceId, sourceId]
	};
}

async function addDefinitions(
	db: Connector,
	meta: DatasetMeta,
	mapping: ImportMapping,
	ids: readonly { label: string; indicatorId: string; hasUrbanRural: boolean; column?: string }[],
	unit: ImportMapping['unit']
): Promise<void> {
	const tables = datasetTables(meta.id);
	await db.query({
		sql: `INSERT INTO sources (source_id, title, publisher, year, licence, note) VALUES (?, ?, ?, ?, ?, ?)`,
		params: [
			tables.source,
			`${meta.name} (${meta.fileName})`,
			meta.sourceNote.trim() === '' ? 'Uploaded by the user' : meta.sourceNote.trim(),
			// sources.year is text (some sources give periods such as 2015-16); the data's years
			// replace the upload's once the rows are in (sourceYearQuery).
			meta.importedAt.slice(0, 4),
			'As stated by the uploader',
			`Uploaded ${meta.importedAt.slice(0, 10)}`
		]
	});
	for (const id of ids) {
		const text = definitionTexts(mapping.roles.kind, id.label, meta, id.column);
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

/**
 * Load the judged dataset's valid rows and add its indicators to the catalog; returns what the
 * report says about them.
 */
export async function loadDataset(
	db: Connector,
	meta: DatasetMeta,
	mapping: ImportMapping
): Promise<Pick<ImportReport, 'rowsLoaded' | 'indicatorIds' | 'openWith' | 'smallCells'>> {
	const tables = datasetTables(meta.id);
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
				label: itemName(mapping.names, writtenItem(i.indicator), i.indicator),
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
			.map((c, k) => {
				const header = mapping.labels[c.index - 1] ?? `column ${c.index}`;
				return {
					column: `i${c.index}`,
					header,
					indicatorId: `up_${tables.key}_${k + 1}`,
					label: itemName(mapping.names, columnItem(c.index), header)
				};
			});
		await addDefinitions(
			db,
			meta,
			mapping,
			items.map((i) => ({
				label: i.label,
				indicatorId: i.indicatorId,
				hasUrbanRural: true,
				column: i.header
			})),
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
	await db.query(sourceYearQuery(tables.source));
	const [loaded] = await db.query<{ n: number }>(
		`SELECT count(DISTINCT __row) AS n FROM ${quoteIdent(tables.rows)}`
	);
	return { rowsLoaded: Number(loaded?.n ?? 0), indicatorIds, openWith, smallCells };
}
