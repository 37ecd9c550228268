import { quoteLiteral } from './quote';

/**
 * The engine's own defence, applied once when a database opens and before anything else runs:
 * DuckDB reads no file and no URL except the buffers the app registers under one folder, loads
 * and installs no extension, keeps below a memory limit, and cannot be talked out of any of it
 * (`lock_configuration`: every later SET, RESET or PRAGMA that changes a setting fails).
 *
 * The SQL panel's text checks (src/lib/sql/userSql.ts) stay as a second line: they refuse early
 * with a clearer message, but the settings here hold even where the text checks miss something.
 */

/** Where registered buffers live; the only files SQL may read. Ends with a slash (a prefix). */
export const REGISTERED_FILE_DIR = '/pengo/';

/**
 * Below DuckDB-WASM's own ceiling (its heap stops at about 3.1 GiB): a query that needs more ends
 * with DuckDB's "Out of Memory" message instead of an allocation failure that can take the worker
 * down. Buffers DuckDB does not manage (one huge string) are bounded by the callers.
 */
export const WASM_MEMORY_LIMIT = '2.5GiB';

/** The statements, in order; `allowedDir` must end with a slash. */
export function lockdownStatements(
	allowedDir: string,
	memoryLimit: string,
	/** Single files besides the folder (the native aggregate command's input, read where it is). */
	allowedFiles: readonly string[] = []
): string[] {
	if (!allowedDir.endsWith('/'))
		throw new Error(`allowed directory must end with /: ${allowedDir}`);
	return [
		'SET autoinstall_known_extensions = false',
		'SET autoload_known_extensions = false',
		`SET allowed_directories = [${quoteLiteral(allowedDir)}]`,
		...(allowedFiles.length > 0
			? [`SET allowed_paths = [${allowedFiles.map(quoteLiteral).join(', ')}]`]
			: []),
		'SET enable_external_access = false',
		`SET memory_limit = ${quoteLiteral(memoryLimit)}`,
		'SET lock_configuration = true'
	];
}
