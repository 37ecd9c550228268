/** What a chart row needs: numbers and names only. Charts never see SQL or the database. */
export interface DumbbellRow {
	iso: string;
	name: string;
	urban: number | null;
	rural: number | null;
	urbanLower: number | null;
	urbanUpper: number | null;
	ruralLower: number | null;
	ruralUpper: number | null;
	/** False when the gap's interval includes zero: drawn lighter, marked in the value text. */
	significant: boolean | null;
	/** The measure shown at the end of the row, already formatted. */
	valueText: string;
	/** Plain-text description used as the row's accessible name. */
	description: string;
}

export interface BarRow {
	iso: string;
	name: string;
	value: number | null;
	lower: number | null;
	upper: number | null;
	/** The same measure in an earlier year, drawn as a hollow tick. */
	previous: number | null;
	valueText: string;
	description: string;
}

/** What every row of a ranked chart has, whatever it draws. */
export interface ChartRowData {
	iso: string;
	name: string;
	valueText: string;
	description: string;
}

/** One region's measure in two survey rounds (the gap then and now), and the change between. */
export interface RoundsRow {
	iso: string;
	name: string;
	earlier: number | null;
	later: number | null;
	/** later − earlier with its interval; `significant` false when the interval includes zero. */
	change: number | null;
	significant: boolean | null;
	valueText: string;
	description: string;
}
