/**
 * One estimate as every view reads it from `observations`: a value with its interval, standard
 * error, unweighted cases and reliability note (see reliability.ts). Published figures have only
 * a value; survey estimates have all of it.
 */
export interface Estimate {
	value: number | null;
	lower: number | null;
	upper: number | null;
	se: number | null;
	n: number | null;
	note: string | null;
}

/** An estimate that also names its confidence level and its source (region profiles). */
export interface SourcedEstimate extends Estimate {
	ciLevel: number | null;
	sourceId: string | null;
}
