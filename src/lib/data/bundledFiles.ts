// The bundled CSVs, emitted by Vite as hashed assets of our own origin.
import regions from '../../../data/regions.csv?url';
import sources from '../../../data/sources.csv?url';
import definitions from '../../../data/indicator-definitions.csv?url';
import indicators from '../../../data/indicators.csv?url';
import survey from '../../../data/survey-synthetic.csv?url';

export const bundledFileUrls: Readonly<Record<string, string>> = {
	'regions.csv': regions,
	'sources.csv': sources,
	'indicator-definitions.csv': definitions,
	'indicators.csv': indicators,
	'survey-synthetic.csv': survey
};
