/**
 * A dataset's choices as a file: what `npm run aggregate -- FILE --choices <this>` takes, so that a
 * file checked once on the Datasets page (a sample, or last year's round) is read the same way by
 * native DuckDB, past a browser's size.
 */
import type { ImportMapping } from './importSql';

export interface ChoicesFile {
	/** What wrote it, so a person who finds the file knows what it is for. */
	about: string;
	name: string;
	fileName: string;
	sourceNote: string;
	mapping: ImportMapping;
}

export function choicesFile(entry: {
	name: string;
	fileName: string;
	sourceNote: string;
	mapping: ImportMapping;
}): ChoicesFile {
	return {
		about:
			'Pengo: the choices made for this file on the Datasets page. Pass it to npm run aggregate with --choices.',
		name: entry.name,
		fileName: entry.fileName,
		sourceNote: entry.sourceNote,
		mapping: entry.mapping
	};
}

/**
 * The mapping, name and source note a choices file gives: a Pengo choices file, or a metadata.json
 * that npm run aggregate wrote (it carries the same fields); anything else is refused by name.
 */
export function readChoicesFile(
	json: unknown,
	file: string
): { mapping: Partial<ImportMapping>; name?: string; sourceNote?: string } {
	const bad = () =>
		new Error(`${file} is not a choices file: it needs a "mapping" with "dialect" and "roles".`);
	if (typeof json !== 'object' || json === null) throw bad();
	const record = json as Record<string, unknown>;
	const mapping = record.mapping as Partial<ImportMapping> | undefined;
	if (typeof mapping !== 'object' || mapping === null || !mapping.dialect || !mapping.roles) {
		throw bad();
	}
	const source = record.source as Record<string, unknown> | undefined;
	const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
	return {
		mapping,
		name: text(record.name) ?? text(source?.name),
		sourceNote: text(record.sourceNote) ?? text(source?.note)
	};
}
