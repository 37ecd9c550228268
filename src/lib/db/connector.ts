import type { BoundQuery } from '$lib/sql/quote';

export type Row = Record<string, unknown>;

/**
 * The narrow interface the rest of the app sees. Nothing outside src/lib/db imports DuckDB;
 * everything else asks for rows through this.
 */
export interface Connector {
	/** Run one statement with bound values and return its rows as plain objects. */
	query<T extends Row = Row>(q: BoundQuery | string): Promise<T[]>;
	/**
	 * Make a byte buffer readable by SQL under `name` (for read_csv and friends). The buffer is
	 * transferred to the database worker: the caller's copy is empty afterwards.
	 */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/** Forget a registered file and free its memory. Tables built from it stay. */
	dropFile(name: string): Promise<void>;
	/**
	 * Whether the database still answers (false after its worker crashed or ran out of memory).
	 * Connectors that cannot crash may leave it out.
	 */
	healthy?(): Promise<boolean>;
	/** Throw the database away and start an empty one on next use; every table is gone. */
	restart?(): Promise<void>;
}
