import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { cspDirectives } from './csp.config.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Compression is done after the build by scripts/precompress.mjs, which also covers the .csv
		// and .geojson files the adapter skips and keeps a cache: compressing the two DuckDB .wasm
		// files at brotli's best takes minutes, and they rarely change.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		// Registered by src/lib/offline in a built site only (SvelteKit's own would also run under vite dev).
		serviceWorker: { register: false },
		csp: { mode: 'hash', directives: cspDirectives }
	}
};

export default config;
