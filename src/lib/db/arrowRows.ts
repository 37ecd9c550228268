import type { Row } from './connector';

/** What an Arrow table from DuckDB-WASM looks like to the code that reads it. */
export type ArrowRows = Iterable<Record<string, unknown>> & {
	schema: { fields: { name: string }[] };
};

function plain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value instanceof Date) return value.toISOString();
	return value;
}

/** Rows as plain objects: 64-bit integers as numbers, dates as ISO text. */
export function plainRows<T extends Row>(table: ArrowRows): T[] {
	const fields = table.schema.fields.map((f) => f.name);
	const rows: T[] = [];
	for (const record of table) {
		const row: Row = {};
		for (const name of fields) row[name] = plain(record[name]);
		rows.push(row as T);
	}
	return rows;
}
