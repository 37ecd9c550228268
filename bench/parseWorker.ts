/// <reference lib="webworker" />
// papaparse in our own module worker (its `worker: true` hangs in production builds), with the
// aggregation in plain JavaScript. Each run gets a fresh worker so parsed rows never outlive it.
import Papa from 'papaparse';
import { weightedSharesByCell, type CellShares } from './jsShares';

export interface ParseRequest {
	url: string;
	items: string[];
}

export type ParseReply =
	| {
			ok: true;
			fetchMs: number;
			parseMs: number;
			aggregateMs: number;
			rows: number;
			shares: CellShares[];
	  }
	| { ok: false; error: string };

self.onmessage = async (event: MessageEvent<ParseRequest>) => {
	const { url, items } = event.data;
	try {
		const started = performance.now();
		const response = await fetch(url);
		if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
		const text = await response.text();
		const fetched = performance.now();
		const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
		const parsedAt = performance.now();
		const first = parsed.errors[0];
		if (first) throw new Error(`papaparse, row ${first.row}: ${first.message}`);
		const shares = weightedSharesByCell(parsed.data, items);
		const aggregated = performance.now();
		const reply: ParseReply = {
			ok: true,
			fetchMs: fetched - started,
			parseMs: parsedAt - fetched,
			aggregateMs: aggregated - parsedAt,
			rows: parsed.data.length - 1,
			shares
		};
		self.postMessage(reply);
	} catch (error) {
		self.postMessage({ ok: false, error: String(error) } satisfies ParseReply);
	}
};
