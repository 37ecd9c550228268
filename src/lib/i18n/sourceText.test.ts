import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sourceLine, sourceText, type CitedSource } from './sourceText';

const root = join(import.meta.dirname, '../../..');

const record: CitedSource = {
	title: 'Household Budget Survey 2007 (Tanzania Mainland)',
	publisher: 'National Bureau of Statistics (NBS) Tanzania',
	year: '2007',
	licence: 'Public statistics, cite source',
	titleSw: 'Utafiti wa Bajeti ya Kaya 2007 (Tanzania Bara)',
	licenceSw: 'Takwimu za umma, taja chanzo'
};
const labels = { source: 'Chanzo', licence: 'Leseni' };

describe('source lines in the reader’s language', () => {
	it('a Kiswahili page shows the Kiswahili title and licence', () => {
		expect(sourceText(record, 'sw')).toEqual({
			title: 'Utafiti wa Bajeti ya Kaya 2007 (Tanzania Bara)',
			licence: 'Takwimu za umma, taja chanzo'
		});
		expect(sourceLine(record, 'sw', labels)).toBe(
			'Chanzo: Utafiti wa Bajeti ya Kaya 2007 (Tanzania Bara). National Bureau of Statistics (NBS) Tanzania, 2007. Leseni: Takwimu za umma, taja chanzo.'
		);
	});

	it('an English page shows the English record', () => {
		expect(sourceText(record, 'en')).toEqual({ title: record.title, licence: record.licence });
	});

	it('falls back to English where the record has no Kiswahili (or only blanks)', () => {
		const bare = { ...record, titleSw: null, licenceSw: '  ' };
		expect(sourceText(bare, 'sw')).toEqual({ title: record.title, licence: record.licence });
		const uploaded: CitedSource = {
			title: record.title,
			publisher: record.publisher,
			year: null,
			licence: record.licence
		};
		expect(sourceText(uploaded, 'sw').title).toBe(record.title);
	});

	it('data/sources.csv has Kiswahili for every title it translates and every licence in words', () => {
		const rows = Papa.parse<Record<string, string>>(
			readFileSync(join(root, 'data/sources.csv'), 'utf8'),
			{ header: true, skipEmptyLines: true }
		).data;
		// Proper names (FinScope Tanzania 2023) and licence codes (CC0 1.0) read the same in both.
		const same = new Set(['fii-2017', 'finscope-2023']);
		for (const r of rows) {
			if (!same.has(r.source_id!)) expect(r.title_sw, r.source_id).not.toBe('');
			if (/^[a-z]/i.test(r.licence!) && !/^CC/.test(r.licence!))
				expect(r.licence_sw, r.source_id).not.toBe('');
			if (r.title_sw) expect(r.title_sw, r.source_id).not.toBe(r.title);
		}
	});
});
