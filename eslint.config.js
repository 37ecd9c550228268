import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const duckdb = { group: ['@duckdb/*'], message: 'Only src/lib/db may import DuckDB.' };
const maplibre = {
	group: ['maplibre-gl', 'maplibre-gl/*'],
	message: 'Only src/lib/map may import maplibre-gl.'
};
/** The layers of src/lib, bottom first; a layer imports only the layers below it. */
const layer = (name) => [`$lib/${name}`, `$lib/${name}/*`, `../${name}`, `../${name}/*`];
const above = (names, message) => ({ group: names.flatMap(layer), message });
const upper = ['data', 'state', 'ui', 'upload', 'export', 'map', 'charts', 'pages', 'offline'];
const dbOrSql = {
	group: ['$lib/db/*', '$lib/sql/*', '../db/*', '../sql/*'],
	message: 'Charts take rows and a size; they never query.'
};
const dataLayer = {
	group: ['$lib/db', '$lib/db/*', '$lib/sql', '$lib/sql/*', '$lib/data', '$lib/data/*'],
	message: 'Routes compose: their page model in src/lib/pages fetches and builds what they show.'
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: { 'no-undef': 'off', 'svelte/no-at-html-tags': 'error' }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// The architecture as lint rules: only src/lib/db touches DuckDB, only src/lib/map touches
	// MapLibre, and charts know nothing of SQL or the database.
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/**/*.test.ts'],
		rules: restrict([duckdb, maplibre])
	},
	{
		files: ['src/lib/country/**'],
		ignores: ['src/**/*.test.ts'],
		rules: restrict([
			above(
				['domain', 'db', 'sql', 'i18n', 'paraglide', ...upper],
				'country/ is the bottom layer, the facts of one country: it imports no other part of the app.'
			)
		])
	},
	{
		files: ['src/lib/domain/**'],
		rules: restrict([
			above(
				['db', 'sql', 'i18n', 'paraglide', ...upper],
				'domain/ is the shared vocabulary above country/: it imports no other part of the app.'
			)
		])
	},
	{
		files: ['src/lib/db/**'],
		rules: restrict([
			maplibre,
			above(
				['sql', 'i18n', 'paraglide', ...upper],
				'db/ runs queries; it knows only domain/ and itself.'
			)
		])
	},
	{
		files: ['src/lib/i18n/**'],
		rules: restrict([
			duckdb,
			maplibre,
			above(
				['db', 'sql', ...upper],
				'i18n/ is locale, formats and words; it knows only domain/ and the messages.'
			)
		])
	},
	{
		files: ['src/lib/sql/**'],
		ignores: ['src/**/*.test.ts'],
		rules: {
			...restrict([
				duckdb,
				maplibre,
				above(
					['i18n', 'paraglide', ...upper],
					'sql/ builds SQL text from domain/ and db/ only; it never reaches up.'
				)
			]),
			// SQL text, not queries run: the connector's types only (data/ runs what sql/ writes).
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '$lib/db/connector',
							message: 'sql/ writes SQL; data/ runs it through the connector.',
							allowTypeImports: true
						}
					]
				}
			]
		}
	},
	{ files: ['src/lib/map/**'], rules: restrict([duckdb]) },
	{ files: ['src/lib/charts/**'], rules: restrict([duckdb, maplibre, dbOrSql]) },
	// Page models fetch through data/ and the query resource; SQL and the connector stay below.
	{
		files: ['src/lib/pages/**'],
		ignores: ['src/**/*.test.ts'],
		rules: restrict([
			duckdb,
			maplibre,
			{
				group: ['$lib/db/*', '$lib/sql/*', '../db/*', '../sql/*'],
				message: 'A page model asks data/ for its rows; it writes no SQL and holds no connector.'
			}
		])
	},
	// Routes are composition: they reach data through page models and components.
	{
		files: ['src/routes/**'],
		rules: restrict([duckdb, maplibre, dataLayer])
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'dist/',
			'src/lib/paraglide/',
			'static/geo/',
			'.bench/',
			'test-results/',
			'playwright-report/'
		]
	}
);
