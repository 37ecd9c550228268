import { QueryCancelledError, type Connector } from '$lib/db/connector';
import {
	CSV_ROW_LIMIT,
	DEFAULT_USER_SQL,
	DISPLAY_CELL_CHARS,
	DISPLAY_ROW_LIMIT,
	QUERY_TIME_LIMIT_MS,
	engineMessage,
	SqlEngineError,
	SqlRefusedError,
	type Refusal,
	type Relation,
	type UserSqlResult
} from '$lib/sql/userSql';
import { listRelations, runUserSql } from '$lib/data/userSql';

// The SQL page's limits and result types, so the route reads them from its model.
export {
	CSV_ROW_LIMIT,
	DEFAULT_USER_SQL,
	DISPLAY_ROW_LIMIT,
	QUERY_TIME_LIMIT_MS,
	type Refusal,
	type ResultCell
} from '$lib/sql/userSql';

export type PanelError =
	| { kind: 'engine'; message: string }
	| { kind: 'refused'; refusal: Refusal }
	/**
	 * Stopped by the person or by the time limit. `restarted`: the engine did not stop when asked,
	 * so it was restarted and what was loaded was loaded again.
	 */
	| { kind: 'stopped'; by: 'person' | 'time-limit'; restarted: boolean };

/** The reason a signal carries when the time limit, not the person, stopped the query. */
const TIME_LIMIT = 'time-limit';

/** A signal that aborts on `cancel` or after the panel's time limit, whichever comes first. */
export function runSignal(cancel: AbortSignal, limitMs: number = QUERY_TIME_LIMIT_MS): AbortSignal {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(TIME_LIMIT), limitMs);
	const stop = () => {
		clearTimeout(timer);
		controller.abort(cancel.reason);
	};
	if (cancel.aborted) stop();
	else cancel.addEventListener('abort', stop, { once: true });
	controller.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
	return controller.signal;
}

export function panelError(error: unknown): PanelError {
	if (error instanceof QueryCancelledError) {
		return {
			kind: 'stopped',
			by: error.reason === TIME_LIMIT ? 'time-limit' : 'person',
			restarted: error.restarted
		};
	}
	if (error instanceof SqlRefusedError) return { kind: 'refused', refusal: error.refusal };
	if (error instanceof SqlEngineError) return { kind: 'engine', message: error.message };
	return { kind: 'engine', message: engineMessage(error) };
}

/**
 * The SQL panel's state for the page session: the query text and the last result survive a
 * language switch (which re-renders the page) and a visit to another view.
 */
class SqlPanel {
	text = $state(DEFAULT_USER_SQL);
	running = $state(false);
	/** The text of the last successful run: what the CSV download runs again. */
	ranText = $state<string | null>(null);
	result = $state.raw<UserSqlResult | null>(null);
	error = $state.raw<PanelError | null>(null);
	relations = $state.raw<Relation[] | null>(null);
	#run = 0;
	#cancel: AbortController | null = null;

	async refreshRelations(db: Connector): Promise<void> {
		try {
			this.relations = await listRelations(db);
		} catch (error) {
			this.error = panelError(error);
		}
	}

	/** Stops the running query (the run then ends with a 'stopped' error). */
	cancel(): void {
		this.#cancel?.abort('person');
	}

	/**
	 * Runs the current text; an answer to a superseded run is dropped. A run stops at the time
	 * limit or on `cancel`; when the engine had to be restarted for it, `reload` loads again what
	 * was loaded before the panel reports.
	 */
	async run(db: Connector, reload: () => Promise<void>): Promise<void> {
		const mine = ++this.#run;
		const text = this.text;
		this.#cancel?.abort('person');
		const cancel = new AbortController();
		this.#cancel = cancel;
		this.running = true;
		try {
			const result = await runUserSql(db, text, {
				limit: DISPLAY_ROW_LIMIT,
				cellChars: DISPLAY_CELL_CHARS,
				signal: runSignal(cancel.signal)
			});
			if (mine !== this.#run) return;
			this.result = result;
			this.ranText = text;
			this.error = null;
		} catch (error) {
			if (mine !== this.#run) return;
			// An old result under a new error would read as the answer to the new query.
			this.result = null;
			this.ranText = null;
			this.error = panelError(error);
			// The engine was restarted to stop the query: load again what was loaded (the page shows
			// the dashboard loading meanwhile).
			if (error instanceof QueryCancelledError && error.restarted) await reload();
		} finally {
			if (mine === this.#run) this.running = false;
			if (this.#cancel === cancel) this.#cancel = null;
		}
		// Tables can appear between runs (uploads), so the list follows.
		await this.refreshRelations(db);
	}

	/**
	 * The last successful run again, with the download's larger cap (the table on screen holds at
	 * most the display limit); null when nothing ran. Stopped by the time limit like any run.
	 */
	async forDownload(db: Connector): Promise<UserSqlResult | null> {
		const text = this.ranText;
		if (!text) return null;
		return runUserSql(db, text, {
			limit: CSV_ROW_LIMIT,
			signal: runSignal(new AbortController().signal)
		});
	}
}

export const sqlPanel = new SqlPanel();
