import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNativeConnector, type NativeConnector } from '../../../tests/native-connector';
import {
	componentOptions,
	divideIndexRows,
	indexSources,
	resolveComponents,
	toIndexComponents,
	viewKey,
	viewRequests
} from './divideIndex';
import { loadBundled } from './loadBundled';
import { fetchIndicatorView } from './views';

const dataDir = join(import.meta.dirname, '../../../data');
const readData = async (file: string) => new Uint8Array(readFileSync(join(dataDir, file)));

describe('the index on the bundled data (native DuckDB)', () => {
	let db: NativeConnector | undefined;
	afterEach(() => {
		db?.close();
		db = undefined;
	});

	it('matches a hand calculation for Dodoma, and leaves Dar es Salaam without an index', async () => {
		db = await openNativeConnector();
		const data = await loadBundled(db, readData);
		const options = componentOptions(data.indicators);
		expect(options.map((o) => `${o.indicatorId}:${o.direction}`)).toContain('sims_per_100:level');
		expect(options.some((o) => o.indicatorId === 'active_sims')).toBe(false);

		const choices = [
			{ indicatorId: 'hh_owns_mobile', direction: 'gap' as const, weight: 2 },
			{ indicatorId: 'women_mobile_phone', direction: 'level' as const, weight: 1 }
		];
		const resolved = resolveComponents(choices, options, 2024);
		expect(resolved.map((c) => c.year)).toEqual([2024, 2022]);
		const fetched = await Promise.all(
			viewRequests(choices, options, 2024).map((r) =>
				fetchIndicatorView(db!, r.indicatorId, r.year)
			)
		);
		const views = new Map(fetched.map((v) => [viewKey(v), v]));
		const regions = data.regions.map((r) => ({ iso: r.isoCode, name: r.nameOfficial }));
		const rows = divideIndexRows(regions, toIndexComponents(resolved, views));

		// By hand, from the fetched values: gap = urban − rural, rescaled so the widest gap is 1;
		// ownership rescaled so the lowest is 1; then (2·gap + 1·level) / 3.
		const survey = views.get('hh_owns_mobile@2024')!.regions;
		const women = views.get('women_mobile_phone@2022')!.regions;
		const gaps = survey
			.filter((r) => r.urban.value !== null && r.rural.value !== null)
			.map((r) => ({ iso: r.iso, v: r.urban.value! - r.rural.value! }));
		const levels = women.map((r) => ({ iso: r.iso, v: r.total.value! }));
		const gLo = Math.min(...gaps.map((g) => g.v));
		const gHi = Math.max(...gaps.map((g) => g.v));
		const lLo = Math.min(...levels.map((l) => l.v));
		const lHi = Math.max(...levels.map((l) => l.v));
		const dodomaGap = gaps.find((g) => g.iso === 'TZ-01')!.v;
		const dodomaLevel = levels.find((l) => l.iso === 'TZ-01')!.v;
		const expected =
			(2 * ((dodomaGap - gLo) / (gHi - gLo)) + (lHi - dodomaLevel) / (lHi - lLo)) / 3;

		const dodoma = rows.find((r) => r.iso === 'TZ-01')!;
		expect(dodoma.index).toBeCloseTo(expected, 12);
		expect(dodoma.parts['hh_owns_mobile:gap']!.raw).toBeCloseTo(dodomaGap, 12);
		expect(dodoma.parts['women_mobile_phone:level']!.raw).toBe(dodomaLevel);

		// Dar es Salaam has no rural sample: one third of the weight is less than half.
		expect(rows).toHaveLength(31);
		expect(rows.at(-1)).toMatchObject({ name: 'Dar es Salaam', index: null, rank: null });
		expect(rows.slice(0, 30).map((r) => r.rank)).toEqual(
			Array.from({ length: 30 }, (_, i) => i + 1)
		);
		const indices = rows.slice(0, 30).map((r) => r.index!);
		expect(indices).toEqual([...indices].sort((a, b) => b - a));
		expect(indices[0]).toBeLessThanOrEqual(1);
		expect(indices.at(-1)).toBeGreaterThanOrEqual(0);

		expect(indexSources(views.values()).map((s) => s.id)).toContain('synthetic-demo');
	});
});
