/**
 * Dates in a workbook are numbers with a date format: the serial number counts days from the
 * workbook's epoch. In the 1900 system day 1 is 1900-01-01 and day 60 is 1900-02-29, a day that
 * never was (Lotus 1-2-3's leap-year bug, kept by Excel), so later serials are one day ahead of a
 * plain count from 1899-12-31. In the 1904 system (old Mac workbooks, `date1904` in
 * workbook.xml) day 0 is 1904-01-01.
 */

/** Built-in number formats (ECMA-376 §18.8.30 and the locale ones Excel writes) that show a date. */
const BUILT_IN_DATES = new Set([
	14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58
]);

/**
 * True when a number format shows a date: a built-in date id, or a format code with a day or
 * year part, or a month part without hours (once quoted text, escapes and [brackets] such as
 * colours and locales are taken out; `mm` after `h` is minutes). Times of day alone are not dates.
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
	if (BUILT_IN_DATES.has(id)) return true;
	if (code === undefined) return false;
	const bare = code
		.replace(/"[^"]*"/g, '')
		.replace(/\\./g, '')
		.replace(/\[[^\]]*\]/g, '')
		.replace(/_./g, '')
		.toLowerCase();
	// The first section is the one for positive numbers.
	const first = bare.split(';')[0] ?? '';
	if (/[dy]/.test(first)) return true;
	return /m/.test(first) && !/[hs]/.test(first);
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A serial date as ISO yyyy-mm-dd, with " hh:mm" when `withTime` and the serial has a time of day
 * (rounded to the minute). Negative serials have no date: null.
 */
export function serialToIso(serial: number, date1904: boolean, withTime = false): string | null {
	if (!Number.isFinite(serial) || serial < 0) return null;
	let days = Math.floor(serial);
	let minutes = Math.round((serial - days) * 1440);
	if (minutes === 1440) {
		days += 1;
		minutes = 0;
	}
	let iso: string;
	if (!date1904 && days === 60) iso = '1900-02-29';
	else {
		// 1900 system: serial 1 = 1900-01-01, so day 0 is 1899-12-31; past the fictitious
		// 1900-02-29 each serial is one day ahead.
		const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 31);
		const shift = !date1904 && days > 60 ? days - 1 : days;
		const d = new Date(base + shift * DAY_MS);
		iso = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
	}
	if (!withTime || minutes === 0) return iso;
	return `${iso} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Whether a format code also shows the time of day (hours). */
export function formatShowsTime(id: number, code: string | undefined): boolean {
	if (id === 22) return true;
	return code !== undefined && /h/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

/** Whether a format shows its number as a percentage: built-in 9 and 10, or a % outside quotes. */
export function isPercentFormat(id: number, code: string | undefined): boolean {
	if (id === 9 || id === 10) return true;
	if (code === undefined) return false;
	const first = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').split(';')[0] ?? '';
	return first.includes('%');
}
