/**
 * The one place identifiers are quoted. Column and table names can come from uploaded files and
 * cannot be bound as parameters, so every identifier in generated SQL passes through here.
 */
export function quoteIdent(name: string): string {
	if (name.length === 0) throw new Error('An SQL identifier cannot be empty.');
	if (name.includes('\u0000')) throw new Error('An SQL identifier cannot contain a NUL character.');
	return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A string literal, for the few places DuckDB cannot take a bound value (the keys of read_csv's
 * `columns` struct). Only ever called with names from our own table specs.
 */
export function quoteLiteral(text: string): string {
	if (text.includes('\u0000')) throw new Error('A SQL literal cannot contain a NUL character.');
	return `'${text.replaceAll("'", "''")}'`;
}
