// Loads the app's own TypeScript modules in Node (through Vite's SSR loader, with the $lib
// alias), so that scripts run the same code as the page: the summary build and the benchmarks.
import { join } from 'node:path';
import { createServer } from 'vite';

/** @param {string} root the checkout's root */
export async function appModuleLoader(root) {
	const server = await createServer({
		configFile: false,
		root,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, ws: false, watch: null },
		resolve: { alias: { $lib: join(root, 'src/lib') } },
		optimizeDeps: { noDiscovery: true, include: [] }
	});
	return {
		load: (/** @type {string} */ path) => server.ssrLoadModule(path),
		close: () => server.close()
	};
}
