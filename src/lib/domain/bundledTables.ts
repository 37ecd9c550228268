import { country } from '$lib/country';
import { SURVEY_ITEMS } from './surveyColumns.js';
import type { TableSpec } from './tableSpec';

const AREAS = ['total', 'urban', 'rural', 'other_urban'] as const;
const GEO_LEVELS = ['region', 'island', 'mainland', 'national'] as const;
const UNITS = ['percent', 'count', 'per100'] as const;

/** The 0/1 items of the bundled synthetic survey, each shown as indicator `hh_<item>`. */
export const surveyItems = SURVEY_ITEMS;

/** The bundled data files, in load order, with the columns each must have (data/README.md). */
export const bundledTables: readonly TableSpec[] = [
	{
		file: country.regionTable.file,
		table: 'regions',
		columns: [
			{ name: 'nbs_code', type: 'text', required: true, pattern: '[0-9]{2}' },
			{ name: 'iso_code', type: 'text', required: true, pattern: country.codePattern },
			{ name: 'name_official', type: 'text', required: true },
			{ name: 'name_en', type: 'text', required: true },
			{ name: 'zone', type: 'text', required: true, allowed: country.zones },
			{ name: 'population_2022', type: 'integer', required: true, min: 1 },
			{ name: 'variants', type: 'text' }
		]
	},
	{
		file: 'sources.csv',
		table: 'sources',
		columns: [
			{ name: 'source_id', type: 'text', required: true, pattern: '[a-z0-9-]+' },
			{ name: 'title', type: 'text', required: true },
			// Kiswahili title and licence; an empty cell falls back to English in the UI.
			{ name: 'title_sw', type: 'text' },
			{ name: 'publisher', type: 'text', required: true },
			{ name: 'year', type: 'text' },
			{ name: 'licence', type: 'text', required: true },
			{ name: 'licence_sw', type: 'text' },
			{ name: 'note', type: 'text' }
		]
	},
	{
		file: 'indicator-definitions.csv',
		table: 'indicator_definitions',
		columns: [
			{ name: 'indicator_id', type: 'text', required: true, pattern: '[a-z0-9_]+' },
			{ name: 'label_en', type: 'text', required: true },
			{ name: 'unit', type: 'text', required: true, allowed: UNITS },
			{ name: 'definition_en', type: 'text', required: true },
			// Kiswahili; an empty cell falls back to English in the UI.
			{ name: 'label_sw', type: 'text' },
			{ name: 'definition_sw', type: 'text' },
			{ name: 'has_urban_rural', type: 'boolean', required: true },
			{ name: 'source_ids', type: 'text', required: true }
		]
	},
	{
		file: 'indicators.csv',
		table: 'indicator_values',
		columns: [
			{
				name: 'indicator_id',
				type: 'text',
				required: true,
				references: { table: 'indicator_definitions', column: 'indicator_id' }
			},
			{ name: 'geo_level', type: 'text', required: true, allowed: GEO_LEVELS },
			{ name: 'geo_code', type: 'text', required: true },
			{ name: 'area', type: 'text', required: true, allowed: AREAS },
			{ name: 'period', type: 'text', required: true },
			{ name: 'year', type: 'integer', required: true, min: 1950, max: 2100 },
			{ name: 'value', type: 'double' },
			{ name: 'lower', type: 'double' },
			{ name: 'upper', type: 'double' },
			{ name: 'ci_level', type: 'double', min: 0.5, max: 0.999 },
			{ name: 'unit', type: 'text', required: true, allowed: UNITS },
			{
				name: 'source_id',
				type: 'text',
				required: true,
				references: { table: 'sources', column: 'source_id' }
			},
			{ name: 'note', type: 'text' }
		]
	},
	{
		file: 'survey-synthetic.csv',
		table: 'survey_synthetic',
		columns: [
			{ name: 'hh_id', type: 'text', required: true },
			{ name: 'year', type: 'integer', required: true, min: 1950, max: 2100 },
			{ name: 'region', type: 'text', required: true },
			{ name: 'residence', type: 'text', required: true, allowed: ['Urban', 'Rural'] },
			{ name: 'weight', type: 'double', required: true, min: Number.MIN_VALUE },
			{ name: 'cluster', type: 'text', required: true },
			{ name: 'stratum', type: 'text', required: true },
			...surveyItems.map((name) => ({ name, type: 'integer' as const, min: 0, max: 1 }))
		]
	}
];
