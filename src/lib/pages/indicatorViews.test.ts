import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import { loadBundled } from '$lib/data/loadBundled';
import { Dashboard } from '$lib/state/dashboard.svelte';
import { fetchIndicatorViews } from './indicatorViews';

const dataDir = join(import.meta.dirname, '../../../data');
const readData = async (file: string) => new Uint8Array(readFileSync(join(dataDir, file)));

describe('fetchIndicatorViews (native DuckDB)', () => {
	let db: NativeConnector | undefined;
	afterEach(() => {
		db?.close();
		db = undefined;
	});

	it('fetches each indicator-year once, however often it is asked for', async () => {
		db = await openNativeConnector();
		await loadBundled(db, readData);
		const native = db;
		let queries = 0;
		const counting = {
			...native,
			query: ((q: Parameters<typeof native.query>[0]) => {
				queries++;
				return native.query(q);
			}) as typeof native.query
		};
		const dashboard = new Dashboard(counting);
		const viewOf = (i: string, y: number) => dashboard.viewOf(i, y);
		const fetchViews = (r: Parameters<typeof fetchIndicatorViews>[1]) =>
			fetchIndicatorViews(viewOf, r);
		const first = await fetchViews([{ indicatorId: 'sims_per_100', year: 2022 }]);
		const perView = queries;
		const again = await fetchViews([
			{ indicatorId: 'sims_per_100', year: 2022 },
			{ indicatorId: 'women_mobile_phone', year: 2022 }
		]);
		expect(queries).toBe(2 * perView);
		expect(again.get('sims_per_100@2022')).toBe(first.get('sims_per_100@2022'));
		expect(again.get('women_mobile_phone@2022')?.regions).toHaveLength(31);

		// The views a page already holds stay in the answer, without a query.
		const held = await fetchIndicatorViews(viewOf, [], again);
		expect(queries).toBe(2 * perView);
		expect([...held.keys()]).toEqual(['sims_per_100@2022', 'women_mobile_phone@2022']);
	});
});
