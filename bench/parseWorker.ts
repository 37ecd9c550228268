/// <reference lib="webworker" />
// papaparse in our own module worker (its `worker: true` hangs in production builds), with the
// aggregation in plain JavaScript. Each run gets a fresh worker so parsed rows never outlive it.
import Papa from 'papaparse';
import { weightedSharesByCell, type CellShares } from './jsShares';

/** The CSV as a URL to fetch, or the File a person chose (read here, off the main thread). */
export type ParseRequest = ({ url: string } | { file: File }) & { items: string[] };

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

async function csvText(request: ParseRequest): Promise<string> {
	if ('file' in request) return request.file.text();
	const response = await fetch(request.url);
	if (!response.ok) throw new Error(`GET ${request.url}: HTTP ${response.status}`);
	return response.text();
}

self.onmessage = async (event: MessageEvent<ParseRequest>) => {
	const { items } = event.data;
	try {
		const started = performance.now();
		const text = await csvText(event.data);
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
