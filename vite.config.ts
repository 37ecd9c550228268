import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// Unit tests never render messages; the compiler's file watcher would keep Vitest from exiting.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: ['localStorage', 'baseLocale']
					})
				]),
		sveltekit()
	],
	worker: { format: 'es' },
	build: {
		chunkSizeWarningLimit: 1500,
		// Data files stay files: a data: URL would be refused by the CSP's connect-src 'self'.
		assetsInlineLimit: (file) => (/\.(csv|json)$/.test(file) ? false : undefined)
	},
	test: {
		// `npm run measure:columns` runs the column-width measurement instead (minutes, on demand).
		include: process.env.PENGO_MEASURE
			? ['src/**/*.measure.ts']
			: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});
