/**
 * The regions a comparison link asks for: known codes in order, without repeats (any case), and
 * the codes that are not regions, so the page can say it ignored them.
 */
export function parseRegionList(
	param: string | null,
	known: readonly string[]
): { codes: string[]; unknown: string[] } {
	const codes: string[] = [];
	const unknown: string[] = [];
	for (const raw of (param ?? '').split(',')) {
		const written = raw.trim();
		if (written === '') continue;
		const code = known.find((k) => k.toUpperCase() === written.toUpperCase());
		if (code === undefined) {
			if (!unknown.includes(written)) unknown.push(written);
		} else if (!codes.includes(code)) codes.push(code);
	}
	return { codes, unknown };
}
