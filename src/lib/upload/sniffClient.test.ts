import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeText } from './encoding';
import { SAMPLE_BYTES } from './sniff';
import { handleMessage, type SniffReply, type SniffRequest } from './sniff.worker';
import { sniffFile } from './sniffClient';

/** A Worker stand-in that runs the worker module's own handler in this process. */
class InProcessWorker {
	static created: InProcessWorker[] = [];
	onmessage: ((event: MessageEvent<SniffReply>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	terminated = false;
	constructor(
		readonly url: URL,
		readonly options: WorkerOptions
	) {
		InProcessWorker.created.push(this);
	}
	postMessage(request: SniffRequest) {
		void handleMessage(request, (reply) => {
			if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<SniffReply>);
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

describe('sniffFile', () => {
	it('sniffs in a module worker, reports progress and previews 20 rows', async () => {
		vi.stubGlobal('Worker', InProcessWorker);
		const rows = Array.from({ length: 50 }, (_, i) => `Region ${i};${i},5`).join('\n');
		const file = new File(
			[encodeText(`Mkoa;Thamani\n${rows}\n`, 'utf-16le') as Uint8Array<ArrayBuffer>],
			'data.csv'
		);
		const progress: number[] = [];
		const result = await sniffFile(file, { onProgress: (p) => progress.push(p) });
		const worker = InProcessWorker.created[0]!;
		expect(worker.url.pathname).toMatch(/sniff\.worker\.ts$/);
		expect(worker.options).toEqual({ type: 'module' });
		expect(worker.terminated).toBe(true);
		expect(progress.at(-1)).toBe(1);
		expect(result.encoding).toBe('utf-16le');
		expect(result.dialect).toMatchObject({ delimiter: ';', decimal: ',', headerRow: 1 });
		expect(result.header).toEqual(['Mkoa', 'Thamani']);
		expect(result.rows).toHaveLength(20);
		expect(result.rows[0]).toEqual(['Region 0', '0,5']);
		expect(result.sampleRecords).toBe(51);
		expect(result.truncated).toBe(false);
	});

	it('previews again with an overridden dialect', async () => {
		vi.stubGlobal('Worker', InProcessWorker);
		const file = new File(['a;b\n1;2\n'], 'x.csv');
		const first = await sniffFile(file);
		const again = await sniffFile(file, { dialect: { ...first.dialect, delimiter: ',' } });
		expect(again.header).toEqual(['a;b']);
		expect(again.rows).toEqual([['1;2']]);
		expect(again.evidence).toEqual([]);
	});

	it('reads only the first 2 MB of a large file', async () => {
		vi.stubGlobal('Worker', InProcessWorker);
		const line = `Dodoma,12.5,"${'x'.repeat(300)}"\n`;
		const file = new File([line.repeat(Math.ceil((3 * SAMPLE_BYTES) / line.length))], 'big.csv');
		const result = await sniffFile(file);
		expect(result.truncated).toBe(true);
		// Every complete record of the first 2 MB (fewer than the 10,000-record cap), not the cut one.
		expect(result.sampleRecords).toBe(Math.floor(SAMPLE_BYTES / line.length));
	});

	it('stops the worker and rejects when cancelled', async () => {
		vi.stubGlobal('Worker', InProcessWorker);
		const abort = new AbortController();
		const pending = sniffFile(new File(['a,b\n'], 'x.csv'), abort.signal);
		abort.abort();
		await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
		expect(InProcessWorker.created[0]!.terminated).toBe(true);
		await expect(sniffFile(new File(['a'], 'y.csv'), abort.signal)).rejects.toMatchObject({
			name: 'AbortError'
		});
	});
});
