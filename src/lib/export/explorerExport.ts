import type { IndicatorInfo } from '$lib/data/loadBundled';
import type { IndicatorView, RegionView } from '$lib/data/views';
import type { Measure } from '$lib/domain/gaps';
import type { Locale } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages.js';
import type { ViewModel } from '$lib/state/viewModel';
import { dataTable } from './dataCsv';
import { downloadBlob } from './download';
import { dataBundle } from './exportBundle';
import { exportText } from './exportText';
import { fileParts, footerLines, subtitle, type ViewExport } from './exportView';
import { safeFileName } from './fileName';
import { svgToPng } from './pngExport';
import { chartToTree, svgDocumentText } from './svgExport';
import { composeFrame, legendFromScale, type Legend } from './svgLayout';

/** What the explorer page knows about the view on screen; it hands this over as it is. */
export interface ExplorerExportInput {
	view: IndicatorView;
	indicator: IndicatorInfo;
	model: ViewModel;
	measure: Measure;
	/** The page's heading: indicator, measure and period. */
	title: string;
	measureLabel: string;
	unitLabel: string;
	period: string;
	/** The map legend's title and number format, as the page's Legend shows them. */
	legendTitle: string;
	legendFormat: (v: number) => string;
	regionName: (r: RegionView) => string;
	locale: Locale;
}

/** Where the drawn chart and map are: containers the page binds, searched at export time. */
export interface ExplorerElements {
	chart: () => Element | null | undefined;
	map: () => Element | null | undefined;
}

function viewExport(input: ExplorerExportInput): ViewExport {
	const { view, indicator, locale } = input;
	return {
		title: input.title,
		indicatorId: indicator.id,
		indicatorLabel: indicator.label[locale],
		definition: indicator.definition[locale],
		measure: input.measure,
		measureLabel: input.measureLabel,
		unitLabel: input.unitLabel,
		year: view.year,
		period: input.period,
		area: m.export_area(),
		ciLevel: view.ciLevel,
		synthetic: indicator.synthetic,
		sources: view.sources,
		exportedAt: new Date(),
		locale
	};
}

function scaleLegend(input: ExplorerExportInput): Legend {
	return legendFromScale(
		input.legendTitle,
		input.model.scale,
		input.legendFormat,
		m.legend_no_data()
	);
}

function sizeOf(element: Element): { width: number; height: number } {
	const width = Number(element.getAttribute('width'));
	const height = Number(element.getAttribute('height'));
	if (width > 0 && height > 0) return { width, height };
	const box = element.getBoundingClientRect();
	return { width: box.width, height: box.height };
}

/**
 * The four downloads of the explorer, each reading the view at the moment of the click, so the
 * file follows the view and the language on screen.
 */
export function explorerExports(
	current: () => ExplorerExportInput | null,
	elements: ExplorerElements
) {
	const need = () => {
		const input = current();
		if (!input) throw new Error('the view is still loading');
		return { input, view: viewExport(input), text: exportText() };
	};

	function chartDocument() {
		const { input, view, text } = need();
		const svg = elements.chart()?.querySelector('svg');
		const chart = svg ? chartToTree(svg) : null;
		if (!svg || !chart) throw new Error('no chart is drawn (the table is shown)');
		const frame = composeFrame({
			title: view.title,
			subtitle: subtitle(view),
			// Bars take the map's colours, so they need its legend; dumbbells carry their own key.
			legend: input.model.chart === 'bars' ? scaleLegend(input) : null,
			footer: footerLines(view, text),
			content: sizeOf(svg)
		});
		return { view, frame, text: svgDocumentText(frame, chart, view.title) };
	}

	return {
		async chartSvg() {
			const { view, text } = chartDocument();
			downloadBlob(
				new Blob([text], { type: 'image/svg+xml' }),
				safeFileName(fileParts(view, 'chart'), 'svg')
			);
		},
		async chartPng() {
			const { view, frame, text } = chartDocument();
			const png = await svgToPng(text, frame.width, frame.height);
			downloadBlob(png, safeFileName(fileParts(view, 'chart'), 'png'));
		},
		async mapPng() {
			const { input, view, text } = need();
			const canvas = elements.map()?.querySelector('canvas');
			if (!canvas || canvas.clientWidth === 0) throw new Error('the map is not drawn yet');
			const frame = composeFrame({
				title: view.title,
				subtitle: subtitle(view),
				legend: scaleLegend(input),
				footer: footerLines(view, text, [m.map_credit()]),
				content: { width: canvas.clientWidth, height: canvas.clientHeight }
			});
			const svg = svgDocumentText(frame, null, view.title);
			const png = await svgToPng(svg, frame.width, frame.height, { canvas, ...frame.content });
			downloadBlob(png, safeFileName(fileParts(view, 'map'), 'png'));
		},
		async data() {
			const { input, view, text } = need();
			const table = dataTable(input.view, input.model, view, input.regionName, text);
			const csvName = safeFileName(fileParts(view), 'csv');
			const zip = dataBundle(view, table, csvName, text);
			downloadBlob(
				new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
				safeFileName(fileParts(view), 'zip')
			);
		}
	};
}
