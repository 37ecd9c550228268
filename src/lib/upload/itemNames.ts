/**
 * The names a person gives an upload's items in step 3: a survey's yes/no columns (hv243a) and
 * the indicators a long-format file writes in its indicator column. Each defaults to what the file
 * says (the column's header, the written indicator name); the person's name replaces it in the
 * picker, legends, charts, downloads and the brief. Names are kept in the dataset's mapping, so a
 * reload rebuilds the dataset with them.
 */
import type { BoundQuery } from '$lib/db/connector';
import { col, dataRowsSql, type DatasetTables } from './importSql';
import { isMissingSql, trimmedSql } from './numbers';
import type { Dialect } from './types';

/** The person's names by item key; an item without an entry keeps its default name. */
export type ItemNames = Readonly<Record<string, string>>;

/** The key of a survey item: its column's position (1-based), stable when headers repeat. */
export const columnItem = (index: number): string => `column:${index}`;
/** The key of a long-format indicator: its name as the file writes it (trimmed). */
export const writtenItem = (written: string): string => `written:${written}`;

/** The name an item is shown by: the person's (trimmed) when they gave one, else its default. */
export function itemName(names: ItemNames | undefined, key: string, fallback: string): string {
	const given = names?.[key]?.trim() ?? '';
	return given === '' ? fallback : given;
}

/** The names worth keeping: given and different from the item's default (blank means default). */
export function keptNames(names: ItemNames, defaults: ItemNames): Record<string, string> {
	const kept: Record<string, string> = {};
	for (const [key, name] of Object.entries(names)) {
		const trimmed = name.trim();
		if (trimmed !== '' && trimmed !== defaults[key]) kept[key] = trimmed;
	}
	return kept;
}

/**
 * Items whose shown names clash within one dataset (two columns both named "phone"): the picker
 * could not tell them apart. Keys of every item but the first of each name, in the order given.
 */
export function clashingNames(items: readonly { key: string; name: string }[]): string[] {
	const seen = new Set<string>();
	const clashes: string[] = [];
	for (const { key, name } of items) {
		const folded = name.trim().toLocaleLowerCase();
		if (seen.has(folded)) clashes.push(key);
		else seen.add(folded);
	}
	return clashes;
}

/** How many indicator names step 3 lists for renaming; a file with more lists these first. */
export const LISTED_INDICATORS = 100;

/**
 * The distinct indicator names a long-format file writes in `column`, trimmed as the judge stage
 * trims them (so they match the loaded rows), in the order they first appear, with their row
 * counts. Blank and missing cells name no indicator (those rows are rejected). At most
 * LISTED_INDICATORS + 1 rows, so the caller knows there are more.
 */
export function writtenIndicatorsQuery(
	tables: DatasetTables,
	column: number,
	dialect: Pick<Dialect, 'headerRow' | 'missing'>
): BoundQuery {
	const cell = col(column);
	return {
		sql: `SELECT ${trimmedSql(cell)} AS written, count(*) AS rows, min(__row) AS first_row
FROM (${dataRowsSql(tables, dialect.headerRow)})
WHERE NOT ${isMissingSql(cell, dialect)}
GROUP BY ALL ORDER BY first_row LIMIT ${LISTED_INDICATORS + 1}`,
		params: []
	};
}
