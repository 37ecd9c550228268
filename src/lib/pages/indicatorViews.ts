import { viewKey, type ViewRequest } from '$lib/data/divideIndex';
import type { IndicatorView } from '$lib/data/views';

export { viewKey, type ViewRequest };

/** One indicator-year's view: the dashboard's `viewOf`, which fetches each once until the data change. */
export type ViewOf = (indicatorId: string, year: number) => Promise<IndicatorView>;

/**
 * The views `requests` name, each asked of `viewOf`, keyed by `viewKey`; with `held` (the views
 * a page already holds) kept in the answer alongside them. A page that puts views together (the
 * index, the brief) thus asks for each only once, however often a person ticks it out and in
 * again or changes a weight.
 */
export async function fetchIndicatorViews(
	viewOf: ViewOf,
	requests: readonly ViewRequest[],
	held: ReadonlyMap<string, IndicatorView> = new Map()
): Promise<Map<string, IndicatorView>> {
	const views = await Promise.all(requests.map((r) => viewOf(r.indicatorId, r.year)));
	return new Map([...held, ...views.map((v): [string, IndicatorView] => [viewKey(v), v])]);
}
