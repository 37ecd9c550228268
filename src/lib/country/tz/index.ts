import type { CountryPack, PackFacts } from '../pack';
import facts from './pack.json';

/**
 * Tanzania's 31 regions (26 Mainland, 5 Zanzibar). The region table is data/regions.csv: codes,
 * names, spelling variants and population, each with its source (data/README.md).
 */
export const tanzania = {
	...(facts satisfies PackFacts),
	zones: ['Mainland', 'Zanzibar'],
	regionTable: { from: 'csv', file: 'regions.csv' },
	// Unguja = Kaskazini Unguja + Kusini Unguja + Mjini Magharibi; Pemba = Kaskazini Pemba +
	// Kusini Pemba (data/README.md). TCRA's SIM counts come for them as island totals.
	islandTotals: [
		{ key: 'unguja', regions: ['TZ-07', 'TZ-11', 'TZ-15'] },
		{ key: 'pemba', regions: ['TZ-06', 'TZ-10'] }
	],
	aggregateNames: [
		'zanzibar',
		'tanzania',
		'tanzania mainland',
		'mainland tanzania',
		'tanzania bara',
		'bara',
		'mainland',
		'tanzania zanzibar',
		'united republic of tanzania'
	],
	nationalNames: ['tanzania', 'united republic of tanzania', 'jamhuri ya muungano wa tanzania'],
	// Older DHS rounds name the Zanzibar regions in English with the direction first ("north
	// unguja", "south pemba"). The other spellings DHS labels use (lower case, "dar-es-salaam",
	// "town west", "zanzibar north", "pemba kusini") are names or variants in data/regions.csv, or
	// fold onto one (case, punctuation, word order). Kept here, not among the variants, because
	// the synthetic survey draws its field spellings from those (scripts/generate-survey.mjs).
	surveyLabels: {
		'TZ-07': ['North Unguja'],
		'TZ-11': ['South Unguja'],
		'TZ-06': ['North Pemba'],
		'TZ-10': ['South Pemba']
	},
	mapBounds: [
		[29.3, -11.8],
		[40.6, -0.95]
	],
	// The series a planner sees first: real, published, with confidence intervals and a trend.
	defaultIndicator: 'women_mobile_phone',
	// Older sources list fewer regions. One entry per region created; "from" are the regions it
	// was formed from (data/README.md, "Boundary changes"). Wherever two rounds are compared
	// across one of these years, the regions named here carry a note (domain/boundaries.ts).
	boundaryChanges: [
		{
			year: 2012,
			created: ['TZ-27'],
			from: ['TZ-18', 'TZ-05', 'TZ-22'],
			note: 'Geita created from parts of Mwanza, Kagera and Shinyanga'
		},
		{
			year: 2012,
			created: ['TZ-28'],
			from: ['TZ-20'],
			note: 'Katavi created from part of Rukwa'
		},
		{
			year: 2012,
			created: ['TZ-29'],
			from: ['TZ-04'],
			note: 'Njombe created from part of Iringa'
		},
		{
			year: 2012,
			created: ['TZ-30'],
			from: ['TZ-22'],
			note: 'Simiyu created from part of Shinyanga'
		},
		{
			year: 2016,
			created: ['TZ-31'],
			from: ['TZ-14'],
			note: 'Songwe split from Mbeya; "Mbeya (since 2016)" names what remained'
		}
	]
} as const satisfies CountryPack;
