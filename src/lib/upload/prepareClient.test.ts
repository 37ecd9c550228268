import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeText } from './encoding';
import { handleMessage, readWhole, type PrepareReply, type PrepareRequest } from './prepare.worker';
import { prepareFile } from './prepareClient';

/** A Worker stand-in that runs the worker module's own handler in this process. */
class InProcessWorker {
	static created: InProcessWorker[] = [];
	onmessage: ((event: MessageEvent<PrepareReply>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	onmessageerror: (() => void) | null = null;
	terminated = false;
	/** What each reply asked to transfer. */
	transfers: Transferable[][] = [];
	requests: PrepareRequest[] = [];
	constructor(
		readonly url: URL,
		readonly options: WorkerOptions
	) {
		InProcessWorker.created.push(this);
	}
	postMessage(request: PrepareRequest) {
		this.requests.push(request);
		void handleMessage(request, (reply, transfer) => {
			this.transfers.push(transfer ?? []);
			if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<PrepareReply>);
		});
	}
	terminate() {
		this.terminated = true;
	}
}

afterEach(() => {
	vi.unstubAllGlobals();
	InProcessWorker.created = [];
});

const comma = { encoding: 'utf-8', delimiter: ',', quote: '"' } as const;
const utf8Text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('prepareFile', () => {
	it('reads the file in a module worker and scans it; DuckDB reads a file needing no change itself', async () => {
		vi.stubGlobal('Worker', InProcessWorker);
		// Row 1 header, row 2 data, row 3 empty, row 4 has a quoted newline and a fourth field.
		const text = 'region,value\nDodoma,1\n\n"Dar es\nSalaam",2,x,y\n';
		const progress: number[] = [];
		const result = await prepareFile(new File([text], 'a.csv'), comma, {
			onProgress: (p) => progress.push(p)
		});
		const worker = InProcessWorker.created[0]!;
		expect(worker.url.pathname).toMatch(/prepare\.worker\.ts$/);
		expect(worker.options).toEqual({ type: 'module' });
		expect(worker.terminated).toBe(true);
		expect(worker.requests[0]!.dialect).toEqual(comma);
		// UTF-8 without a BOM, nothing to quote again: no bytes come back, the File is what DuckDB reads.
		expect(result.utf8).toBeNull();
		expect(result.scan).toEqual({
			records: 4,
			blankRows: [3],
			maxFields: 4,
			// The newline inside the quotes ends no record.
			lineEnds: { lf: 4, crlf: 0, cr: 0 },
			unterminatedQuoteRow: null,
			strayQuoteRows: [],
			paddedFields: 0
		});
		expect(worker.transfers.at(-1)).toEqual([]);
		expect(progress.at(-1)).toBe(1);
		expect(progress).toEqual([...progress].sort((a, b) => a - b));
	});

	it('transfers the bytes back when a field had to be quoted again', async () => {
		vi.stubGlobal('Worker', InProcessWorker);
		// Row 2's stray quote: the field is quoted again before DuckDB reads it.
		const result = await prepareFile(new File(['a,b\n"x"y,1\n'], 's.csv'), comma);
		expect(result.utf8).not.toBeNull();
		expect(utf8Text(result.utf8!)).toBe('a,b\n"""x""y",1\n');
		expect(result.scan.strayQuoteRows).toEqual([2]);
		// The done reply hands over the buffer instead of copying it.
		expect(InProcessWorker.created[0]!.transfers.at(-1)).toEqual([result.utf8!.buffer]);
	});

	it('drops a UTF-8 BOM by moving the view, not by copying', async () => {
		vi.stubGlobal('Worker', InProcessWorker);
		const bytes = encodeText('a;b\n1;2\n', 'utf-8-bom') as Uint8Array<ArrayBuffer>;
		const result = await prepareFile(
			new File([bytes], 'bom.csv'),
			{ ...comma, encoding: 'utf-8-bom', delimiter: ';' },
			{}
		);
		expect(result.utf8!.byteOffset).toBe(3);
		expect(result.utf8!.buffer.byteLength).toBe(bytes.length);
		expect(utf8Text(result.utf8!)).toBe('a;b\n1;2\n');
		expect(result.scan.maxFields).toBe(2);
	});

	it.each(['utf-16le', 'utf-16be', 'windows-1252'] as const)(
		'transcodes %s to UTF-8 before scanning',
		async (encoding) => {
			vi.stubGlobal('Worker', InProcessWorker);
			const text = 'mkoa\tthamani\r\nMjini Magharibi\t“45,3”\r\nDar es Salaam\t€\r\n';
			const file = new File([encodeText(text, encoding) as Uint8Array<ArrayBuffer>], 'x.tsv');
			const result = await prepareFile(file, { encoding, delimiter: '\t', quote: '"' });
			expect(Array.from(result.utf8!)).toEqual(Array.from(new TextEncoder().encode(text)));
			expect(result.scan.records).toBe(3);
			expect(result.scan.lineEnds).toEqual({ lf: 0, crlf: 3, cr: 0 });
		}
	);

	it('reads a file of many chunks whole, reporting progress along the way', async () => {
		vi.stubGlobal('Worker', InProcessWorker);
		const line = 'Kusini Pemba,2,104500000,17,3,1,0\n';
		const rows = 200_000;
		// Node's Blob streams one chunk per part; a browser's File streams in 64 KiB chunks.
		const file = new File(
			Array.from({ length: 100 }, () => line.repeat(rows / 100)),
			'big.csv'
		);
		const progress: number[] = [];
		const result = await prepareFile(file, comma, { onProgress: (p) => progress.push(p) });
		expect(result.utf8).toBeNull();
		expect(result.scan.records).toBe(rows);
		expect(result.scan.maxFields).toBe(7);
		// Several read steps before the scan, not one jump.
		expect(progress.filter((p) => p < 0.8).length).toBeGreaterThan(3);
	});

	it('reports a read failure as an error', async () => {
		vi.stubGlobal('Worker', InProcessWorker);
		const broken = {
			size: 10,
			stream: () =>
				new ReadableStream({
					pull(controller) {
						controller.error(new Error('The file changed on disk.'));
					}
				})
		} as unknown as File;
		await expect(prepareFile(broken, comma)).rejects.toThrow('The file changed on disk.');
		expect(InProcessWorker.created[0]!.terminated).toBe(true);
	});

	it('stops the worker and rejects when cancelled', async () => {
		vi.stubGlobal('Worker', InProcessWorker);
		const abort = new AbortController();
		const pending = prepareFile(new File(['a,b\n'], 'x.csv'), comma, { signal: abort.signal });
		abort.abort();
		await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
		expect(InProcessWorker.created[0]!.terminated).toBe(true);
		await expect(
			prepareFile(new File(['a'], 'y.csv'), comma, { signal: abort.signal })
		).rejects.toMatchObject({ name: 'AbortError' });
		expect(InProcessWorker.created).toHaveLength(1);
	});
});

describe('readWhole', () => {
	it('keeps every byte when the stream yields more than the stated size', async () => {
		const chunks = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])];
		const liar = {
			size: 2,
			stream: () =>
				new ReadableStream<Uint8Array>({
					start(controller) {
						for (const c of chunks) controller.enqueue(c);
						controller.close();
					}
				})
		} as unknown as Blob;
		expect(Array.from(await readWhole(liar))).toEqual([1, 2, 3, 4, 5]);
	});

	it('returns the stated-size buffer itself when the stream matches it', async () => {
		const blob = new Blob([new Uint8Array([9, 8, 7])]);
		const bytes = await readWhole(blob);
		expect(Array.from(bytes)).toEqual([9, 8, 7]);
		expect(bytes.buffer.byteLength).toBe(3);
	});
});
