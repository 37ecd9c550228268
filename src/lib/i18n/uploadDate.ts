/**
 * When a dataset was uploaded, as a person reads it: day, month, year and time, in their
 * language (`locale`, an Intl tag) and, unless a test gives one, their time zone. Uploads of the
 * same day are told apart by the minute.
 */
export function formatUploadDate(iso: string, locale: string, timeZone?: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone
	}).format(date);
}
