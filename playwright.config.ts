import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './tests/chromiumFlags.mjs';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI and `npm test` run against the built site on 4173, served as `npm start` serves it. While
// developing, PENGO_DEV_PORT=NNNN runs the tests against a dev server on that port instead (no
// build, no shared build folder).
const devPort = process.env.PENGO_DEV_PORT ? Number(process.env.PENGO_DEV_PORT) : null;
// PENGO_PORT moves the built site's server off 4173, so two checkouts can run their suites at once.
// The site is built first, unless build/ is already what this checkout builds (not under CI: there
// it is always built; see scripts/build-if-stale.mjs).
const port = devPort ?? Number(process.env.PENGO_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: /.*\.e2e\.ts/,
	timeout: 60_000,
	expect: { timeout: 20_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	webServer: {
		command: devPort
			? `npm run boundaries && npm run messages && npm run summary && npx vite dev --port ${devPort} --strictPort`
			: `node scripts/build-if-stale.mjs && node scripts/serve.mjs --port ${port}`,
		port,
		reuseExistingServer: !process.env.CI,
		// The first build on a machine also compresses the two DuckDB .wasm files at brotli's best
		// (about 90 s of CPU on two cores); later builds take them from the cache. On a shared machine
		// under load that first build took 7 minutes, and once more than the 10 minutes allowed
		// before: this is a limit for a build that hangs, not a measure of a normal one.
		timeout: 1_800_000
	},
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'off',
		launchOptions: {
			executablePath,
			args: CHROMIUM_FLAGS
		}
	}
});
