/**
 * The shapes an uploaded file passes through, from bytes to a dataset the dashboard shows:
 * bytes → Dialect (sniffed, overridable) → raw text table in DuckDB → column profiles → roles →
 * region matches → validation report → observations (and, for microdata, survey estimates).
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t' | '|';
export type DecimalSeparator = '.' | ',';
/** '' means numbers carry no grouping separator. */
export type ThousandsSeparator = '' | ',' | '.' | ' ' | "'";

/** How a delimited text file is written. Every field is detected and every field can be overridden. */
export interface Dialect {
	encoding: Encoding;
	delimiter: Delimiter;
	/** The quote character; '' means fields are never quoted. Quotes are escaped by doubling. */
	quote: '"' | "'" | '';
	/** 1-based row (record) holding column names; 0 means the file has no header row. */
	headerRow: number;
	decimal: DecimalSeparator;
	thousands: ThousandsSeparator;
	/** Cell texts (after trimming) that mean "missing", compared case-sensitively. */
	missing: string[];
}

/**
 * A problem with one cell, one row or the whole file. Rows are records counted the way a
 * spreadsheet shows them: the first record of the file (usually the header) is row 1.
 * `column` is the column's name as the file writes it (or "column 3" when it has none).
 */
export interface UploadProblem {
	file: string;
	row?: number;
	column?: string;
	value?: string;
	/** The value's whole length in characters when `value` holds only its start. */
	valueLength?: number;
	kind: UploadProblemKind;
	/** Allowed values, bounds, the engine's own message, a suggestion. */
	detail?: string;
	/** 'error' keeps the row out of the dataset; 'warning' loads it and tells the person. */
	severity: 'error' | 'warning';
}

export type UploadProblemKind =
	| 'too-large'
	/** More columns than an upload may have; `detail` holds the number found, as digits. */
	| 'too-many-columns'
	/** More cells (rows × columns) than a tab can import; `detail` is {rows, columns, estimated} as JSON. */
	| 'too-many-cells'
	/** A Parquet file chosen in the browser, which has no Parquet reader (npm run aggregate has). */
	| 'parquet-in-browser'
	/** An Excel file that cannot be read: `detail` is a WorkbookRefusal (xlsxRead.ts). */
	| 'workbook-unreadable'
	| 'empty-file'
	| 'not-text'
	| 'unreadable'
	/** The person stopped the step (Cancel); nothing of the file was loaded. */
	| 'cancelled'
	/** The data engine was never downloaded and the device is offline: the file is not at fault. */
	| 'engine-offline'
	| 'unterminated-quote'
	/**
	 * A warning: lines of a UTF-8 file that were not valid UTF-8 were read as Windows-1252. `detail`
	 * names the rows ("7, 19"), or the first ones and the count of lines ("7, 19, …;1204").
	 */
	| 'windows-1252-rows'
	| 'ragged-row'
	| 'empty-header'
	| 'duplicate-header'
	| 'case-colliding-header'
	| 'not-number'
	| 'percent-out-of-range'
	| 'unknown-region'
	| 'island-total'
	| 'zone-total'
	| 'unknown-area'
	/** A later row with an earlier row's key and a different value; `detail`: see conflictDetail. */
	| 'conflicting-duplicate'
	/** A later row repeating an earlier row's key and values; skipped. `detail`: the first row. */
	| 'repeated-row'
	| 'bad-weight'
	| 'not-binary'
	/** A long-format row whose indicator cell is blank (or a missing token): it names no indicator. */
	| 'blank-indicator-name'
	| 'bad-year'
	| 'missing-value'
	| 'few-cases'
	| 'suppressed-cases';

/** Column `c{index}` of the raw table, with the name the file gives it and what all its rows hold. */
export interface ColumnProfile {
	/** 1-based position in the file; the raw table column is `c{index}`. */
	index: number;
	/** The header text as written ('' when empty or when the file has no header). */
	header: string;
	/** A name safe to show and unique within the file: header, or "column 3", de-duplicated. */
	label: string;
	/** Data rows whose cell is not empty and not a missing token. */
	present: number;
	/** Of those, how many parse as numbers under the dialect. */
	numeric: number;
	/** Of those, how many are digit strings with a leading zero ("007"): codes, kept as text. */
	leadingZero: number;
	distinct: number;
	/**
	 * Up to 8 distinct example values, most frequent first, each cut to its first 200 characters
	 * (CELL_EXCERPT_CHARS): a cell can hold megabytes.
	 */
	examples: string[];
	/** The whole length in characters of each example; longer than the example when it was cut. */
	exampleLengths: number[];
	/**
	 * How many rows hold each example (absent in profiles made before counts were kept): how much
	 * of a column its examples cover, so one stray value does not hide what the rest hold.
	 */
	exampleCounts?: number[];
	/**
	 * The first present value that is not a number (its first 200 characters), with its row, when
	 * the column is mostly numeric.
	 */
	firstNonNumeric: { row: number; value: string } | null;
	min: number | null;
	max: number | null;
}

export type DatasetKind = 'indicators' | 'microdata';

/** What a column means. Only the roles of the chosen kind apply. */
export type ColumnRole =
	| 'ignore'
	| 'region'
	| 'area'
	| 'year'
	| 'indicator'
	| 'value'
	| 'lower'
	| 'upper'
	/** wide indicator tables: a value column whose header names area and/or year, e.g. urban_2022 */
	| 'wide-value'
	| 'weight'
	| 'cluster'
	| 'stratum'
	/** microdata: a 0/1 (or yes/no) item whose weighted share is estimated */
	| 'item';

export interface ColumnAssignment {
	index: number;
	role: ColumnRole;
	/** For 'wide-value': the area and year its header names ('total' when no area is named). */
	wide?: { area: 'urban' | 'rural' | 'total'; year: number | null };
}

export interface RoleGuess {
	kind: DatasetKind;
	columns: ColumnAssignment[];
	/** Divide the weight column by this (1,000,000 for DHS hv005/v005). */
	weightDivisor: number;
	/** Which area code means urban and which rural (DHS: 1 / 2). Compared as trimmed lower-case text. */
	areaCodes: { urban: string[]; rural: string[]; total: string[] };
	/** Named when a preset recognised the file, e.g. 'dhs-household' or 'dhs-women'. */
	preset: string | null;
	/** Year for files without a year column (DHS exports carry it in their name, not in a column). */
	fixedYear: number | null;
}

/** How one written region name is resolved, as the review screen shows it. */
export interface RegionNameReview {
	written: string;
	/** Data rows that carry this name. */
	rows: number;
	status: 'matched' | 'ambiguous' | 'unmatched' | 'island' | 'zone';
	/** ISO code when matched (or chosen by the person). */
	isoCode: string | null;
	/**
	 * Which rule matched: `nbsNumber` is a code written as a number ("7" for NBS code 07, as DHS
	 * `hv024` and NBS files carry it), taken only when the whole column reads as numbers;
	 * `surveyLabel` a region label as surveys spell it (DHS `hv024` / `v024`: "north unguja",
	 * "unguja kaskazini", "51 kaskazini unguja"); `codeTable` the person's own region-code table.
	 */
	via:
		| 'codeTable'
		| 'code'
		| 'nbsNumber'
		| 'surveyLabel'
		| 'name'
		| 'variant'
		| 'normalised'
		| 'fuzzy'
		| 'remembered'
		| 'person'
		| null;
	/** Best candidates with a score in [0, 1], best first (fuzzy and ambiguous cases). */
	suggestions: { isoCode: string; score: number }[];
}

/** Who and what an imported dataset is: its id, names, and where the person says it comes from. */
export interface DatasetMeta {
	id: string;
	name: string;
	fileName: string;
	/** What the person says the data is and where it comes from; shown as the source. */
	sourceNote: string;
	/** ISO date of the import, for the source record. */
	importedAt: string;
}

export interface ImportReport {
	/** Data rows in the file (blank lines excluded). */
	rowsRead: number;
	/** Rows that passed every check and are in the dataset. */
	rowsLoaded: number;
	/** Rows kept aside because of at least one error. */
	rowsRejected: number;
	/** Rows without an error skipped as exact repeats of an earlier row ('repeated-row'). */
	rowsRepeated: number;
	/** At most `PROBLEM_LIMIT` problems, in row order; `problemCounts` has them all by kind. */
	problems: UploadProblem[];
	problemCounts: Partial<Record<UploadProblemKind, number>>;
	indicatorIds: string[];
	/**
	 * The measure to open each new indicator with: 'gap' when the file gives urban and rural
	 * values but no totals (a total cannot be made without population weights), else 'total'.
	 */
	openWith: Record<string, 'total' | 'gap'>;
	/** For microdata: cells with fewer than 25 cases (flagged) or 10 (suppressed). */
	smallCells: { indicatorId: string; region: string; area: string; year: number; n: number }[];
}
