import type { Connector } from '$lib/db/connector';
import { viewKey, type ViewRequest } from '$lib/data/divideIndex';
import { fetchIndicatorView, type IndicatorView } from '$lib/data/views';
import { PromiseCache } from '$lib/state/promiseCache';

export { viewKey, type ViewRequest };

/**
 * The indicator views a page holds for its life, one per indicator-year: a page that puts views
 * together (the index, the brief) asks for each only once, however often a person ticks it out
 * and in again or changes a weight. There are only a few dozen indicator-years.
 */
export function indicatorViewCache(): PromiseCache<IndicatorView> {
	return new PromiseCache<IndicatorView>(200);
}

/**
 * The views `requests` name, each asked through `cache`, keyed by `viewKey`; with `held` (the
 * views a page already holds) kept in the answer alongside them.
 */
export async function fetchIndicatorViews(
	db: Connector,
	cache: PromiseCache<IndicatorView>,
	requests: readonly ViewRequest[],
	held: ReadonlyMap<string, IndicatorView> = new Map()
): Promise<Map<string, IndicatorView>> {
	const views = await Promise.all(
		requests.map((r) => cache.get(viewKey(r), () => fetchIndicatorView(db, r.indicatorId, r.year)))
	);
	return new Map([...held, ...views.map((v): [string, IndicatorView] => [viewKey(v), v])]);
}
