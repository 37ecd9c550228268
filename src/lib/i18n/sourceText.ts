/** What a source line reads of a source record (`SourceRecord` in data/sqlRow.ts has these). */
export interface CitedSource {
	title: string;
	publisher: string;
	year: string | null;
	licence: string;
	titleSw?: string | null;
	licenceSw?: string | null;
}

/**
 * A source's title and licence in the reader's language: the record's Kiswahili columns
 * (`title_sw`, `licence_sw` in data/sources.csv) on a Kiswahili page, English when a cell is
 * empty or the page is in English. Publisher and year are names and numbers, the same in both.
 */
export function sourceText(
	source: CitedSource,
	locale: string
): { title: string; licence: string } {
	const sw = locale === 'sw';
	const pick = (english: string, kiswahili: string | null | undefined) =>
		sw && kiswahili?.trim() ? kiswahili.trim() : english;
	return {
		title: pick(source.title, source.titleSw),
		licence: pick(source.licence, source.licenceSw)
	};
}

/** "Source: title. Publisher, year. Licence: licence." as every source line words it. */
export function sourceLine(
	source: CitedSource,
	locale: string,
	labels: { source: string; licence: string }
): string {
	const { title, licence } = sourceText(source, locale);
	const year = source.year ? `, ${source.year}` : '';
	return `${labels.source}: ${title}. ${source.publisher}${year}. ${labels.licence}: ${licence}.`;
}
