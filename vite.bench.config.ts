// Builds the benchmark page (bench/) into .bench/site for `npm run bench`. It imports the app's own
// DuckDB module and SQL builders, so $lib must resolve as it does in the app.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
	root: here('./bench'),
	base: './',
	logLevel: 'warn',
	resolve: { alias: { $lib: here('./src/lib') } },
	worker: { format: 'es' },
	build: {
		outDir: here('./.bench/site'),
		emptyOutDir: true,
		chunkSizeWarningLimit: 2000
	}
});
