import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dataTable } from './dataCsv';
import { dataBundle, readmeText } from './exportBundle';
import { footerLines } from './exportView';
import { INDICATOR, model, TEXT, VIEW, viewExport } from './fixtures.test-data';

const INDICATOR_DEFINITION = INDICATOR.definition.en;

const name = (r: { nameOfficial: string }) => r.nameOfficial;

describe('dataBundle', () => {
	const view = viewExport('total', true);
	const table = dataTable(VIEW, model('total'), view, name, TEXT);
	const files = unzipSync(dataBundle(view, table, 'pengo-women-mobile-phone-total-2022.csv', TEXT));

	it('holds the CSV, README and metadata', () => {
		expect(Object.keys(files).sort()).toEqual([
			'README.txt',
			'metadata.json',
			'pengo-women-mobile-phone-total-2022.csv'
		]);
		const bytes = files['pengo-women-mobile-phone-total-2022.csv']!;
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = Papa.parse<string[]>(strFromU8(bytes.slice(3)), { skipEmptyLines: true }).data;
		// A header, one row per region, and the national row.
		expect(rows).toHaveLength(1 + VIEW.regions.length + 1);
	});

	it('README states definition, sources with publisher and licence, date, maker and synthetic label', () => {
		const readme = strFromU8(files['README.txt']!);
		expect(readme).toContain('Definition: Percentage of women aged 15-49 who own a mobile phone');
		expect(readme).toContain(
			'- demo-survey: Demo survey 2024. Publisher: Pengo test bench, 2024. Licence: CC BY 4.0.'
		);
		expect(readme).toContain('Made with Pengo · Exported 2026-12-01');
		expect(readme).toContain('Synthetic demonstration data, not official statistics');
		expect(readme).toContain('Intervals are 90% confidence intervals.');
	});

	it('metadata.json names the sources and columns', () => {
		const meta = JSON.parse(strFromU8(files['metadata.json']!));
		expect(meta.sources.map((s: { id: string }) => s.id)).toEqual(['demo-survey', 'other']);
		expect(meta.columns).toEqual(table.header);
		expect(meta.synthetic).toBe(true);
		expect(meta.generator).toBe('Pengo');
	});

	it('a Kiswahili export cites the Kiswahili title and licence, English where there is none', () => {
		const sw = {
			...viewExport('total', false),
			locale: 'sw' as const,
			sources: [
				{
					...view.sources[0]!,
					titleSw: 'Utafiti wa majaribio 2024',
					licenceSw: 'Leseni ya CC BY 4.0'
				},
				view.sources[1]!
			]
		};
		const text = { ...TEXT, locale: 'sw', sourceLabel: 'Chanzo', licenceLabel: 'Leseni' };
		const readme = readmeText(sw, table, 'x.csv', text);
		expect(readme).toContain(
			'- demo-survey: Utafiti wa majaribio 2024. Publisher: Pengo test bench'
		);
		expect(readme).toContain('Leseni: Leseni ya CC BY 4.0.');
		const footer = footerLines(sw, text).map((l) => l.text);
		expect(footer[0]).toBe(
			'Chanzo: Utafiti wa majaribio 2024. Pengo test bench, 2024. Leseni: Leseni ya CC BY 4.0.'
		);
		expect(footer[1]).toContain(`Chanzo: ${view.sources[1]!.title}.`);
		// The same records on an English export stay English.
		expect(footerLines({ ...sw, locale: 'en' }, TEXT)[0]!.text).toContain(
			'Source: Demo survey 2024.'
		);
	});

	it('says nothing of synthetic data when the data are real', () => {
		expect(readmeText(viewExport('total', false), table, 'x.csv', TEXT)).not.toContain('Synthetic');
	});

	it('lists each indicator of a view of several, and the view’s own notes', () => {
		const several = {
			...viewExport('total'),
			indicators: [
				{ id: 'a', label: 'Alpha', definition: 'First.' },
				{ id: 'b', label: 'Beta', definition: 'Second.' }
			],
			notes: ['Across (x): Alpha. Up (y): Beta.']
		};
		const readme = readmeText(several, table, 'x.csv', TEXT);
		expect(readme).toContain('Definition:\r\n- a: Alpha. First.\r\n- b: Beta. Second.\r\n');
		expect(readme).toContain('Across (x): Alpha. Up (y): Beta.');
		expect(readme).not.toContain(INDICATOR_DEFINITION);
	});
});
