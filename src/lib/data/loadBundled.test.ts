import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { DataFileError, lineFromEngineMessage, loadBundled, periodLabels } from './loadBundled';
import { fetchIndicatorView } from './views';

const dataDir = join(import.meta.dirname, '../../../data');
const readData = (file: string) => new Uint8Array(readFileSync(join(dataDir, file)));

/** Serve the real files, except the ones a test replaces. */
function files(overrides: Record<string, string> = {}) {
	return async (file: string) =>
		file in overrides ? new TextEncoder().encode(overrides[file]) : readData(file);
}

function withLine(file: string, line: number, edit: (text: string) => string): string {
	const lines = readFileSync(join(dataDir, file), 'utf8').split('\n');
	lines[line - 1] = edit(lines[line - 1]!);
	return lines.join('\n');
}

let db: NativeConnector | undefined;
afterEach(() => {
	db?.close();
	db = undefined;
});

async function loadError(overrides: Record<string, string>): Promise<DataFileError> {
	db = await openNativeConnector();
	try {
		await loadBundled(db, files(overrides));
	} catch (error) {
		if (error instanceof DataFileError) return error;
		throw error;
	}
	throw new Error('expected the load to fail');
}

describe('loadBundled on native DuckDB', () => {
	it('loads every bundled file and lists the indicators with their years', async () => {
		db = await openNativeConnector();
		const data = await loadBundled(db, files());
		expect(data.regions).toHaveLength(31);
		const women = data.indicators.find((i) => i.id === 'women_mobile_phone');
		expect(women).toMatchObject({ years: [2016, 2022], hasUrbanRural: false, synthetic: false });
		expect(women?.periods).toEqual({ 2016: '2015-16', 2022: '2022' });
		const survey = data.indicators.find((i) => i.id === 'hh_owns_mobile');
		expect(survey).toMatchObject({ years: [2021, 2024], hasUrbanRural: true, synthetic: true });
		// National-only reference figures have no regional years and so are not mappable indicators.
		expect(data.indicators.some((i) => i.id === 'internet_users')).toBe(false);
		// HBS 2007 gives Dar es Salaam alone: one region is not a map or a ranking.
		expect(data.indicators.some((i) => i.id === 'hh_mobile_phone_hbs')).toBe(false);
		expect(data.islandNames).toEqual([]);
	});

	it('derives SIMs per 100 residents from the counts and the census population', async () => {
		db = await openNativeConnector();
		await loadBundled(db, files());
		const view = await fetchIndicatorView(db, 'sims_per_100', 2022);
		// Independent calculation from the CSVs themselves.
		const parse = (f: string) =>
			Papa.parse<Record<string, string>>(readFileSync(join(dataDir, f), 'utf8'), {
				header: true,
				skipEmptyLines: true
			}).data;
		const population = new Map(
			parse('regions.csv').map((r) => [r.iso_code, Number(r.population_2022)])
		);
		const sims = parse('indicators.csv').filter(
			(r) => r.indicator_id === 'active_sims' && r.geo_level === 'region'
		);
		expect(view.regions).toHaveLength(31);
		for (const row of sims) {
			const region = view.regions.find((r) => r.iso === row.geo_code)!;
			if (row.value === '') expect(region.total.value).toBeNull();
			else
				expect(region.total.value).toBeCloseTo(
					(Number(row.value) * 100) / population.get(row.geo_code!)!,
					9
				);
		}
		// Dar es Salaam: 9,102,203 SIMs for 5,383,728 residents.
		expect(view.regions.find((r) => r.iso === 'TZ-02')!.total.value).toBeCloseTo(169.0688, 4);
		// Simiyu is not listed in the source: no data, not zero.
		expect(view.regions.find((r) => r.iso === 'TZ-30')!.total.value).toBeNull();
		// Zanzibar regions have only island totals: no regional value.
		expect(view.regions.find((r) => r.iso === 'TZ-15')!.total.value).toBeNull();
		expect(view.national?.total.value).toBeCloseTo((56153097 * 100) / 61741120, 9);
		expect(view.sources.map((s) => s.id)).toContain('derived-pengo');
		expect(view.sources.map((s) => s.id)).toContain('tcra-2022-06-press');
	});

	it('reports island totals for active SIMs without mapping them', async () => {
		db = await openNativeConnector();
		await loadBundled(db, files());
		const view = await fetchIndicatorView(db, 'active_sims', 2022);
		expect(view.islands).toEqual([
			{ code: 'PEMBA', value: 186369 },
			{ code: 'UNGUJA', value: 414763 }
		]);
	});

	it('gives the 2022 value, its interval and the 2015-16 value for each region', async () => {
		db = await openNativeConnector();
		await loadBundled(db, files());
		const view = await fetchIndicatorView(db, 'women_mobile_phone', 2022);
		const dodoma = view.regions.find((r) => r.iso === 'TZ-03')!;
		expect(dodoma.total).toMatchObject({ value: 61.6, lower: 53.4, upper: 69.2 });
		expect(dodoma.previousYear).toBe(2016);
		expect(dodoma.previousTotal).toMatchObject({ value: 38.9, lower: 32, upper: 46.2 });
		expect(view.previousCiLevel).toBe(0.9);
		expect(view.national).toBeNull();
	});

	it('gives each region the previous round’s urban and rural estimates as that round’s view has them', async () => {
		db = await openNativeConnector();
		await loadBundled(db, files());
		const now = await fetchIndicatorView(db, 'hh_used_internet', 2024);
		const then = await fetchIndicatorView(db, 'hh_used_internet', 2021);
		expect(now.previousCiLevel).toBe(then.ciLevel);
		for (const r of now.regions) {
			const earlier = then.regions.find((x) => x.iso === r.iso)!;
			expect(r.previousYear).toBe(2021);
			for (const [mine, theirs] of [
				[r.previousUrban, earlier.urban],
				[r.previousRural, earlier.rural],
				[r.previousTotal, earlier.total]
			] as const) {
				expect(mine).toMatchObject({
					value: theirs.value,
					lower: theirs.lower,
					upper: theirs.upper,
					se: theirs.se
				});
			}
		}
	});

	it('turns the synthetic survey into urban, rural and total estimates in percent', async () => {
		db = await openNativeConnector();
		await loadBundled(db, files());
		const view = await fetchIndicatorView(db, 'hh_owns_mobile', 2024);
		const withValues = view.regions.filter((r) => r.urban.value !== null);
		expect(withValues.length).toBe(31);
		for (const r of view.regions) {
			for (const a of [r.urban, r.rural, r.total]) {
				if (a.value === null) continue;
				expect(a.value).toBeGreaterThanOrEqual(0);
				expect(a.value).toBeLessThanOrEqual(100);
				expect(a.lower!).toBeLessThanOrEqual(a.value);
				expect(a.upper!).toBeGreaterThanOrEqual(a.value);
			}
		}
		// Dar es Salaam has no rural stratum in the design: no rural value, not zero.
		expect(view.regions.find((r) => r.iso === 'TZ-02')!.rural.value).toBeNull();
		expect(view.national?.urban.value).not.toBeNull();
		expect(view.sources.map((s) => s.id)).toEqual(['synthetic-demo']);
	});
});

describe('a malformed bundled file names file, line, column and value', () => {
	it('a population that is not a number', async () => {
		const error = await loadError({
			'regions.csv': withLine('regions.csv', 2, (l) => l.replace('3085625', '12x4'))
		});
		expect(error.problems[0]).toMatchObject({
			file: 'regions.csv',
			line: 2,
			column: 'population_2022',
			value: '12x4',
			kind: 'not-integer'
		});
	});

	it('a missing column', async () => {
		const error = await loadError({
			'sources.csv': withLine('sources.csv', 1, (l) => l.replace('licence', 'license'))
		});
		expect(error.problems).toEqual([
			expect.objectContaining({
				file: 'sources.csv',
				line: 1,
				column: 'licence',
				kind: 'missing-column'
			}),
			expect.objectContaining({
				file: 'sources.csv',
				line: 1,
				column: 'license',
				kind: 'unexpected-column'
			})
		]);
	});

	it('an unknown source id and an area outside the allowed list, all problems at once', async () => {
		const text = withLine('indicators.csv', 3, (l) =>
			l.replace('dhs-2015-16-2022-uw-sae', 'made-up')
		);
		const lines = text.split('\n');
		lines[4] = lines[4]!.replace(',total,', ',suburban,');
		const error = await loadError({ 'indicators.csv': lines.join('\n') });
		expect(error.total).toBe(2);
		expect(error.problems).toEqual([
			expect.objectContaining({
				line: 3,
				column: 'source_id',
				value: 'made-up',
				kind: 'unknown-reference'
			}),
			expect.objectContaining({ line: 5, column: 'area', value: 'suburban', kind: 'not-allowed' })
		]);
	});

	it('a ragged row', async () => {
		const error = await loadError({
			'indicators.csv': withLine('indicators.csv', 4, (l) => `${l},extra`)
		});
		expect(error.problems[0]).toMatchObject({ file: 'indicators.csv', kind: 'unreadable' });
		expect(error.problems[0]!.line).toBe(4);
	});

	it('a survey region name that matches no region', async () => {
		const error = await loadError({
			'survey-synthetic.csv': withLine('survey-synthetic.csv', 2, (l) => {
				const cells = l.split(',');
				cells[2] = 'Atlantis';
				return cells.join(',');
			})
		});
		expect(error.problems[0]).toMatchObject({ line: 2, column: 'region', value: 'Atlantis' });
	});
});

describe('helpers', () => {
	it('finds the line in engine messages', () => {
		expect(lineFromEngineMessage('CSV Error on Line: 17\nOriginal Line: a,b')).toBe(17);
		expect(lineFromEngineMessage('no line here')).toBeUndefined();
	});
	it('reads period labels', () => {
		expect(periodLabels(['2016=2015-16', '2022=2022'])).toEqual({ 2016: '2015-16', 2022: '2022' });
	});
});
