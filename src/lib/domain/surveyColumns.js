// The columns of the bundled synthetic survey (data/survey-synthetic.csv), in file order, written
// once. Plain JavaScript with no imports, so the Node scripts (scripts/generate-survey.mjs, bench/)
// and the benchmark page can import it as well as the app.

/** The design columns, before the items. */
export const SURVEY_DESIGN_COLUMNS = /** @type {const} */ ([
	'hh_id',
	'year',
	'region',
	'residence',
	'weight',
	'cluster',
	'stratum'
]);

/** The 0/1 items, each shown as indicator `hh_<item>`. */
export const SURVEY_ITEMS = /** @type {const} */ ([
	'owns_mobile',
	'owns_smartphone',
	'used_internet',
	'uses_mobile_money',
	'used_emrejesho',
	'used_gepg',
	'used_mgov'
]);

/** The header of data/survey-synthetic.csv. */
export const SURVEY_COLUMNS = /** @type {const} */ ([...SURVEY_DESIGN_COLUMNS, ...SURVEY_ITEMS]);
