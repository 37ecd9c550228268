import type { Connector } from '$lib/db/connector';
import {
	DEFAULT_USER_SQL,
	DISPLAY_ROW_LIMIT,
	engineMessage,
	listRelations,
	runUserSql,
	SqlEngineError,
	SqlRefusedError,
	type Refusal,
	type Relation,
	type UserSqlResult
} from '$lib/sql/userSql';

export type PanelError =
	{ kind: 'engine'; message: string } | { kind: 'refused'; refusal: Refusal };

export function panelError(error: unknown): PanelError {
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

	async refreshRelations(db: Connector): Promise<void> {
		try {
			this.relations = await listRelations(db);
		} catch (error) {
			this.error = panelError(error);
		}
	}

	/** Runs the current text; an answer to a superseded run is dropped. */
	async run(db: Connector): Promise<void> {
		const mine = ++this.#run;
		const text = this.text;
		this.running = true;
		try {
			const result = await runUserSql(db, text, DISPLAY_ROW_LIMIT);
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
		} finally {
			if (mine === this.#run) this.running = false;
		}
		// Tables can appear between runs (uploads), so the list follows.
		await this.refreshRelations(db);
	}
}

export const sqlPanel = new SqlPanel();
