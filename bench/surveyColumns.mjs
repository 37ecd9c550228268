// The columns of the benchmark CSV (those of data/survey-synthetic.csv), shared by the generator,
// the SQL and the page. No Node imports here: the page bundles this file too.

export const ITEMS = [
	'owns_mobile',
	'owns_smartphone',
	'used_internet',
	'uses_mobile_money',
	'used_emrejesho',
	'used_gepg',
	'used_mgov'
];

export const COLUMNS = [
	'hh_id',
	'year',
	'region',
	'residence',
	'weight',
	'cluster',
	'stratum',
	...ITEMS
];
