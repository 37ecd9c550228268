// The columns of the benchmark CSV (those of data/survey-synthetic.csv), shared by the generator,
// the SQL and the page. No Node imports here: the page bundles this file too.

export {
	SURVEY_ITEMS as ITEMS,
	SURVEY_COLUMNS as COLUMNS
} from '../src/lib/domain/surveyColumns.js';
