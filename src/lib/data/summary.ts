/**
 * The bundled data's answers, computed once at build time so the first views need no database.
 *
 * The build (scripts/build-summary.mjs) loads and checks the bundled CSVs on native DuckDB with
 * the app's own loader, then runs every query the bundled views ask (each indicator and year,
 * each region's profile, each services choice) and keeps the rows under a key made from the
 * query's text and bound values. In the page, `summaryConnector` answers those queries from the
 * file; anything else (an upload, the SQL panel, a view with no precomputed answer) goes to the
 * engine, which is then started and given the bundled data. This is the pre-aggregation idea of
 * Mosaic's data cubes, kept at the level of whole queries so that the views' code is the same
 * whichever answers them.
 */
import type { Connector, QueryOptions, Row } from '$lib/db/connector';
import type { BoundQuery } from '$lib/db/connector';
import type { BundledData } from './loadBundled';

/** Bumped when the file's shape changes; a page never reads a summary of another shape. */
export const SUMMARY_FORMAT = 2;

/**
 * Rows as column names and one array of values per row (a third of the size of objects), kept as
 * JSON text and parsed only when asked: parsing the whole file then makes one string per answer,
 * not every value of every answer (on a slow phone, 1 MB of nested arrays was a task of 100 ms
 * and more that held up the page; one answer takes well under a millisecond).
 */
export type Answer = string;

export interface BundledSummary {
	format: typeof SUMMARY_FORMAT;
	/** What the loader returns: regions, the indicator catalogue, island spellings. */
	bundled: BundledData;
	/** Rows per query key (see `queryKey`). */
	answers: Record<string, Answer>;
}

export function encodeAnswer(rows: readonly Row[]): Answer {
	const columns = Object.keys(rows[0] ?? {});
	return JSON.stringify([columns, rows.map((r) => columns.map((c) => r[c] ?? null))]);
}

export function decodeAnswer<T extends Row = Row>(answer: Answer): T[] {
	const [columns, rows] = JSON.parse(answer) as [string[], unknown[][]];
	return rows.map((values) => {
		const row: Row = {};
		columns.forEach((c, i) => (row[c] = values[i]));
		return row as T;
	});
}

/**
 * The part of a summary the first screen needs (the catalogue and the answers for `keys`), so
 * that it arrives in one small file; the whole summary follows when something else is asked.
 */
export function firstScreenSummary(
	summary: BundledSummary,
	keys: Iterable<string>
): BundledSummary {
	const answers: Record<string, Answer> = {};
	for (const key of keys) {
		const answer = summary.answers[key];
		if (answer) answers[key] = answer;
	}
	return { ...summary, answers };
}

/**
 * A short, stable key for a query: a 53-bit hash (cyrb53) of its text and bound values, as hex.
 * Collisions are checked when the summary is built (two different queries with one key fail it).
 */
export function queryKey(q: BoundQuery | string): string {
	const { sql, params } = typeof q === 'string' ? { sql: q, params: [] } : q;
	const text = `${sql}\u0001${JSON.stringify(params)}`;
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** A connector that writes down every query and its answer, for the build. */
export function recordingConnector(db: Connector): {
	connector: Connector;
	answers: Record<string, Answer>;
	queries: Map<string, BoundQuery | string>;
} {
	const answers: Record<string, Answer> = {};
	const queries = new Map<string, BoundQuery | string>();
	const texts = new Map<string, string>();
	const connector: Connector = {
		...db,
		async query<T extends Row = Row>(q: BoundQuery | string, options?: QueryOptions) {
			const rows = await db.query<T>(q, options);
			const key = queryKey(q);
			const text = JSON.stringify(q);
			const seen = texts.get(key);
			if (seen !== undefined && seen !== text) throw new Error(`query key collision: ${key}`);
			texts.set(key, text);
			queries.set(key, q);
			answers[key] = encodeAnswer(rows);
			return rows;
		}
	};
	return { connector, answers, queries };
}

/** The engine as the summary connector needs it: started and loaded on demand. */
export interface EngineSource {
	/** The engine with the bundled data loaded; started on the first call. */
	connect(): Promise<Connector>;
	/** Throws the engine away; the next `connect` starts a new one. */
	restart(): Promise<void>;
}

export interface SummaryConnector extends Connector {
	/** Whether the engine has been asked for anything (it is then started and loaded). */
	readonly engineUsed: boolean;
}

/**
 * Answers from the summary while only bundled data exist; from the engine otherwise. `first` is
 * the first screen's part; `whole()` fetches the rest when a question is not in it (once). Once
 * a file is registered (an upload enters the database), every later query goes to the engine:
 * uploaded indicators join the catalogue and the profiles' sources, so the precomputed answers
 * no longer describe what is loaded.
 */
export function summaryConnector(
	first: Promise<BundledSummary | null>,
	whole: () => Promise<BundledSummary | null>,
	engine: EngineSource
): SummaryConnector {
	let uploaded = false;
	let used = false;
	const toEngine = () => {
		used = true;
		return engine.connect();
	};
	return {
		get engineUsed() {
			return used;
		},
		async query<T extends Row = Row>(q: BoundQuery | string, options?: QueryOptions) {
			if (!uploaded) {
				const key = queryKey(q);
				const answer = (await first)?.answers[key] ?? (await whole())?.answers[key];
				if (answer) return decodeAnswer<T>(answer);
			}
			return (await toEngine()).query<T>(q, options);
		},
		async registerFile(name, bytes) {
			uploaded = true;
			return (await toEngine()).registerFile(name, bytes);
		},
		async dropFile(name) {
			return (await toEngine()).dropFile(name);
		},
		async insertArrow(table, ipc) {
			uploaded = true;
			const db = await toEngine();
			if (!db.insertArrow) throw new Error('The data engine cannot take rows as Arrow.');
			return db.insertArrow(table, ipc);
		},
		async healthy() {
			if (!used) return true;
			// An engine that could not start has not crashed: its failure is shown where it was asked.
			const db = await engine.connect().catch(() => null);
			return db?.healthy ? db.healthy() : true;
		},
		async restart() {
			await engine.restart();
		}
	};
}
