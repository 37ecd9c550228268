import { describe, expect, it } from 'vitest';
import { formatUploadDate } from './uploadDate';

describe('formatUploadDate', () => {
	it('writes day, month, year and the minute in the reader’s language and time zone', () => {
		const iso = '2026-12-05T07:05:09.000Z';
		expect(formatUploadDate(iso, 'en-GB', 'UTC')).toBe('5 Dec 2026, 07:05');
		// East Africa Time is UTC+3.
		expect(formatUploadDate(iso, 'en-GB', 'Africa/Dar_es_Salaam')).toBe('5 Dec 2026, 10:05');
		expect(formatUploadDate(iso, 'sw-TZ', 'UTC')).toMatch(/^5 Des 2026,? 07:05$/);
	});

	it('gives back a date it cannot read as it is', () => {
		expect(formatUploadDate('not a date', 'en-GB', 'UTC')).toBe('not a date');
	});
});
