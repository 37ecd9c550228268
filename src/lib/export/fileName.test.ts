import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_STEM, safeFileName, slug } from './fileName';

describe('safeFileName', () => {
	it('builds the name from the view', () => {
		expect(safeFileName(['pengo', 'women_mobile_phone', 'total', '2022'], 'csv')).toBe(
			'pengo-women-mobile-phone-total-2022.csv'
		);
		expect(safeFileName(['pengo', 'hh_owns_mobile', 'gap', '2015-16', 'map'], 'png')).toBe(
			'pengo-hh-owns-mobile-gap-2015-16-map.png'
		);
	});

	it('folds accents and drops everything that is not a letter or digit', () => {
		expect(slug('Ümbrella Ñame: Kusini Unguja')).toBe('umbrella-name-kusini-unguja');
		expect(slug('Wanawake — simu ya mkononi (%)')).toBe('wanawake-simu-ya-mkononi');
	});

	it('cannot be turned into a path or a formula', () => {
		expect(safeFileName(['pengo', '../../etc/passwd'], 'csv')).toBe('pengo-etc-passwd.csv');
		expect(safeFileName(['=HYPERLINK("http://x.example/?a")'], 'csv')).toBe(
			'hyperlink-http-x-example-a.csv'
		);
		expect(safeFileName(['C:\\Windows\\system32'], 'svg')).toBe('c-windows-system32.svg');
	});

	it('is never empty', () => {
		expect(safeFileName([], 'zip')).toBe('pengo-export.zip');
		expect(safeFileName(['..', '/', '', '日本語'], 'png')).toBe('pengo-export.png');
	});

	it('refuses an extension it does not know', () => {
		expect(() => safeFileName(['x'], 'exe' as 'csv')).toThrow(/extension/);
	});

	it('always has the safe shape, for any text', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 6 }),
				(parts) => {
					const name = safeFileName(parts, 'csv');
					expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.csv$/);
					expect(name.length).toBeLessThanOrEqual(MAX_STEM + 4);
				}
			),
			{ numRuns: 500 }
		);
	});
});
