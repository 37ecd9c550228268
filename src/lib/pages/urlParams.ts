/**
 * Pieces of reading a page's state from its URL that the pages share. Reading never throws: what
 * a link asks for and cannot have is reported, and the page opens with the default instead.
 */

/** Whether a URL value is one of the codes a page knows. */
export const isOneOf = <T extends string>(codes: readonly T[], value: string | null): value is T =>
	value !== null && (codes as readonly string[]).includes(value);

/**
 * The year a link asks for among `years` (ascending), or the latest when it asks for none; a year
 * not among them is given back as `unknown`, and the latest is used.
 */
export function chosenYear(
	asked: string | null,
	years: readonly number[]
): { year: number | null; unknown: string | null } {
	const latest = years.at(-1) ?? null;
	if (asked === null) return { year: latest, unknown: null };
	return years.includes(Number(asked))
		? { year: Number(asked), unknown: null }
		: { year: latest, unknown: asked };
}
