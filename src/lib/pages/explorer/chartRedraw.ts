import { flushSync, mount, unmount } from 'svelte';
import type { Figure } from '$lib/export/tableFigure';
import { chartFigure } from '$lib/export/viewDownloads';
import type { ViewModel } from '$lib/state/viewModel';
import ViewChart from '$lib/ui/ViewChart.svelte';

/** What the explorer's chart is drawn from, besides its width. */
export interface ChartProps {
	model: ViewModel;
	locale: string;
	previous: string | null;
	label: string;
}

/**
 * Narrower widths a page export may draw the chart at: a slide or a square has room for two
 * columns of rows only when each is narrower than the chart on a wide screen.
 */
export const REDRAW_WIDTHS = [560, 460, 380, 340] as const;

/**
 * The explorer's chart drawn again at `width`, off screen but in the document (so its CSS
 * applies to what the export reads), read as a figure and removed.
 */
export function redrawnChart(props: ChartProps, width: number): Figure {
	const host = document.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	host.style.cssText = `position: fixed; left: -100000px; top: 0; width: ${width}px;`;
	document.body.appendChild(host);
	const chart = mount(ViewChart, {
		target: host,
		props: { ...props, width, selected: null, onselect: () => undefined }
	});
	try {
		flushSync();
		return chartFigure(host);
	} finally {
		void unmount(chart);
		host.remove();
	}
}
