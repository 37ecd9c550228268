/**
 * A year typed into step 3 ("Year of the data"): the year it means, if any, and whether the text
 * is something other than a year (to say so while the person types). Empty text is no year and
 * not a mistake: the file may give its years in a column.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

export function parseYearText(text: string): { year: number | null; invalid: boolean } {
	const trimmed = text.trim();
	if (trimmed === '') return { year: null, invalid: false };
	if (!/^\d{4}$/.test(trimmed)) return { year: null, invalid: true };
	const year = Number(trimmed);
	return year >= FIRST_YEAR && year <= LAST_YEAR
		? { year, invalid: false }
		: { year: null, invalid: true };
}
