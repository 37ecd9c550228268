export type Row = Record<string, unknown>;

/** A query ready to run: SQL text with `?` placeholders and the values bound to them, in order. */
export interface BoundQuery {
	sql: string;
	params: readonly (string | number | boolean | null)[];
}

export interface QueryOptions {
	/**
	 * Stops the query when aborted; it then rejects with a QueryCancelledError. Only statements
	 * without bound values can be interrupted in DuckDB-WASM (its pending-query API takes none).
	 */
	signal?: AbortSignal;
}

/** A query stopped on request (a person's Cancel, or a time limit: the signal's reason says). */
export class QueryCancelledError extends Error {
	/** What the signal was aborted with. */
	readonly reason: unknown;
	/**
	 * The engine did not stop when asked, so its worker was thrown away: every table is gone
	 * and the caller must load again what it needs.
	 */
	readonly restarted: boolean;
	constructor(reason: unknown, restarted: boolean) {
		super(restarted ? 'query cancelled; database restarted' : 'query cancelled');
		this.name = 'QueryCancelledError';
		this.reason = reason;
		this.restarted = restarted;
	}
}

/**
 * The engine could not start because the device is offline and its files were never downloaded
 * (nor kept by the offline copy). Nothing is wrong with what was asked: it can be asked again
 * once there is a connection.
 */
export class EngineOfflineError extends Error {
	constructor(cause: string) {
		super(`the data engine is not on this device and it is offline (${cause})`);
		this.name = 'EngineOfflineError';
	}
}

/**
 * The narrow interface the rest of the app sees. Nothing outside src/lib/db imports DuckDB;
 * everything else asks for rows through this.
 */
export interface Connector {
	/** Run one statement with bound values and return its rows as plain objects. */
	query<T extends Row = Row>(q: BoundQuery | string, options?: QueryOptions): Promise<T[]>;
	/**
	 * Make a byte buffer, or a File, readable by SQL and return the path to read it by (the engine
	 * reads no other file). A buffer is transferred to the database worker (the caller's copy is
	 * empty afterwards) and copied into the engine's memory; a File (a Blob) stays where it is and
	 * is read in place, piece by piece, as SQL asks for it.
	 */
	registerFile(name: string, bytes: Uint8Array | Blob): Promise<string>;
	/** Forget a registered file and free its memory. Tables built from it stay. */
	dropFile(name: string): Promise<void>;
	/**
	 * Append the rows of an Arrow IPC stream to an existing table, column by column in order (how
	 * the page stages a Parquet file it read itself). Connectors without it cannot do that.
	 */
	insertArrow?(table: string, ipc: Uint8Array): Promise<void>;
	/**
	 * Whether the database still answers (false after its worker crashed or ran out of memory).
	 * Connectors that cannot crash may leave it out.
	 */
	healthy?(): Promise<boolean>;
	/** Throw the database away and start an empty one on next use; every table is gone. */
	restart?(): Promise<void>;
}

/**
 * The same connector with every query stopped by `signal` (a step a person can cancel: each of
 * its statements gets the signal, so Cancel reaches whichever one runs).
 */
export function withSignal(db: Connector, signal: AbortSignal): Connector {
	return {
		query: (q, options = {}) => db.query(q, { signal: options.signal ?? signal }),
		registerFile: (name, bytes) => db.registerFile(name, bytes),
		dropFile: (name) => db.dropFile(name),
		insertArrow: db.insertArrow && ((table, ipc) => db.insertArrow!(table, ipc)),
		healthy: db.healthy && (() => db.healthy!()),
		restart: db.restart && (() => db.restart!())
	};
}
