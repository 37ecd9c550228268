import { describe, expect, it } from 'vitest';
import { ENGINE_BUNDLES, likelyBundle, prefetchEngineFiles } from './engineFiles';

describe('the engine files a prefetch fetches', () => {
	it('picks the exception-handling build where WebAssembly exceptions exist', () => {
		expect(likelyBundle({ Exception: class {} })).toBe(ENGINE_BUNDLES.eh);
		expect(likelyBundle({})).toBe(ENGINE_BUNDLES.mvp);
	});

	it('fetches the worker, then the module, each body to its end', async () => {
		const asked: string[] = [];
		const finished: string[] = [];
		const ok = await prefetchEngineFiles(async (url) => {
			asked.push(url);
			let chunks = 3;
			const body = new ReadableStream<Uint8Array>({
				pull(controller) {
					if (chunks-- > 0) controller.enqueue(new Uint8Array(1024));
					else {
						controller.close();
						finished.push(url);
					}
				}
			});
			return new Response(body);
		});
		const bundle = likelyBundle();
		expect(ok).toBe(true);
		expect(asked).toEqual([bundle.mainWorker, bundle.mainModule]);
		expect(finished, 'each body read to its end').toEqual(asked);
		expect(asked.every((url) => !url.startsWith('http'))).toBe(true);
	});

	it('gives up quietly when a file cannot be fetched', async () => {
		const asked: string[] = [];
		expect(
			await prefetchEngineFiles(async (url) => {
				asked.push(url);
				return new Response('missing', { status: 404 });
			})
		).toBe(false);
		expect(asked).toHaveLength(1);
		expect(await prefetchEngineFiles(() => Promise.reject(new TypeError('Failed to fetch')))).toBe(
			false
		);
	});
});
