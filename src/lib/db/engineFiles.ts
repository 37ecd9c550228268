import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

/**
 * Where DuckDB-WASM's files are served: our own origin (no CDN), so the app works offline and
 * under a CSP that allows only 'self'. Only the URLs live here: importing this module costs a few
 * strings, not the engine's JavaScript.
 */
export const ENGINE_BUNDLES = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
} as const;

/**
 * The bundle a browser will most likely run: the exception-handling build where WebAssembly
 * exceptions exist (DuckDB's own check then agrees), the baseline build elsewhere.
 */
export function likelyBundle(wasm: object | undefined = globalThis.WebAssembly): {
	mainModule: string;
	mainWorker: string;
} {
	return wasm && 'Exception' in wasm ? ENGINE_BUNDLES.eh : ENGINE_BUNDLES.mvp;
}

/**
 * Fetch the engine's worker script and module into the browser's caches (the HTTP cache and the
 * offline copy) without starting anything: no JavaScript is evaluated and nothing is compiled, so
 * an idle page stays idle. Each body is taken as a Blob, which the browser keeps outside the
 * page's memory and assembles off its main thread (reading 34 MB chunk by chunk in script cost a
 * slow phone 200 ms of main-thread time), and then dropped. Resolves `false` when a file could not
 * be fetched (a prefetch is never worth an error).
 */
export async function prefetchEngineFiles(
	fetchFile: (url: string) => Promise<Response> = (url) => fetch(url)
): Promise<boolean> {
	const bundle = likelyBundle();
	try {
		for (const url of [bundle.mainWorker, bundle.mainModule]) {
			const response = await fetchFile(url);
			if (!response.ok) return false;
			await response.blob();
		}
		return true;
	} catch {
		return false;
	}
}
