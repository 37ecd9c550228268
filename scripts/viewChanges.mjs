// How long a change of view takes to reach the explorer's map and chart, for `npm run bench:load`:
// a person's changes of measure, year and indicator (the controls by their labels, as
// tests/e2e/explorer.e2e.ts makes them), timed in the page by scripts/loadProbe.mjs.

const GAP_BUTTON = 'Show the urban–rural gap (synthetic survey)';

/**
 * The next option of a select after the chosen one (among those `allowed` keeps), or null when
 * there is no other.
 */
async function nextOption(select, allowed = () => true) {
	if (!(await select.isEnabled())) return null;
	const { value, options } = await select.evaluate((el) => ({
		value: el.value,
		options: Array.from(el.options, (o) => ({ value: o.value, label: o.label }))
	}));
	const at = options.findIndex((o) => o.value === value);
	const after = [...options.slice(at + 1), ...options.slice(0, at)].filter((o) => allowed(o.value));
	return after[0] ?? null;
}

/**
 * One change a person makes, in turn: measure, year, indicator, the gap button (which opens a
 * bundled indicator, so not when `indicators` keeps the changes among some).
 */
async function makeChange(page, turn, indicators) {
	const kind = ['Measure', 'Year', 'Indicator', 'gap'][turn % 4];
	if (kind === 'gap') {
		if (indicators) return null;
		const button = page.getByRole('button', { name: GAP_BUTTON });
		if (!(await button.isVisible())) return null;
		return { kind: 'gap button', label: 'the gap button', perform: () => button.click() };
	}
	const select = page.getByLabel(kind);
	const option = await nextOption(select, (kind === 'Indicator' && indicators) || undefined);
	if (!option) return null;
	return {
		kind: kind.toLowerCase(),
		label: `${kind.toLowerCase()} → ${option.label}`,
		perform: () => select.selectOption(option.value)
	};
}

/**
 * When the map, after `startAt`, first showed colours other than `before`, and when it first
 * showed the picture it settled on; null when it settled where it was.
 */
export function mapRepaint(frames, startAt, before) {
	const after = frames.filter((f) => f.at > startAt).sort((a, b) => a.at - b.at);
	const final = after.at(-1)?.signature;
	if (final === undefined || final === before) return null;
	return {
		firstColourAt: after.find((f) => f.signature !== '' && f.signature !== before)?.at ?? null,
		settledAt: after.find((f) => f.signature === final).at
	};
}

/**
 * Times `count` view changes: from the change or click event to the later of the chart rows
 * showing new values and the map showing the picture it settles on (on a new year or indicator
 * it goes grey, then shows the colours under the "no data" hatching, then without it). A change
 * that leaves the map as it was is timed on the chart alone; one the chart never shows is
 * Infinity. `indicators` keeps the indicators a change of indicator may choose (by option value).
 */
export async function timeChanges(page, count, indicators = null) {
	const changes = [];
	for (let turn = 0; changes.length < count && turn < count * 4; turn++) {
		const change = await makeChange(page, turn, indicators);
		if (!change) continue;
		await page.evaluate(() => window.__pengoLoad.arm());
		await change.perform();
		await page.evaluate((t) => window.__pengoLoad.changed(t).catch(() => {}), 10_000);
		const { startAt, chartAt, firstFrame, frames } = await page.evaluate(() => ({
			...window.__pengoLoad.change,
			frames: window.__pengoLoad.frames
		}));
		const map = mapRepaint(frames, startAt, frames[firstFrame - 1]?.signature ?? '');
		const since = (at) => (typeof at === 'number' ? at - startAt : null);
		const chartMs = since(chartAt);
		const mapMs = since(map?.settledAt);
		changes.push({
			kind: change.kind,
			change: change.label,
			/** The indicator on screen after the change. */
			indicator: await page.getByLabel('Indicator').inputValue(),
			chartMs,
			mapMs,
			firstColourMs: since(map?.firstColourAt),
			ms: chartMs === null ? Infinity : Math.max(chartMs, mapMs ?? 0),
			mapUnchanged: map === null
		});
	}
	return changes;
}

/** The 95th percentile by nearest rank; Infinity (never shown) counts as the slowest. */
export function p95(values) {
	const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
	return sorted.length === 0 ? NaN : sorted[Math.ceil(0.95 * sorted.length) - 1];
}
