import type { IndicatorInfo } from '$lib/domain/indicators';
import type { IndicatorView, RegionView } from '$lib/data/views';
import type { Measure } from '$lib/domain/gaps';
import type { Locale } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages.js';
import type { ViewModel } from '$lib/state/viewModel';
import { dataTable } from '$lib/export/dataCsv';
import { exportText } from '$lib/export/exportText';
import { footerLines, subtitle, type ViewExport } from '$lib/export/exportView';
import { svgDocumentText } from '$lib/export/svgExport';
import { composeFrame, legendFromScale, type Legend } from '$lib/export/svgLayout';
import { chartFigure, figureDocument, saveData, savePng, saveSvg } from '$lib/export/viewDownloads';

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

function viewExport(input: ExplorerExportInput): ViewExport & { measure: Measure } {
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
		if (!input) throw new Error(m.export_not_ready());
		return { input, view: viewExport(input), text: exportText() };
	};

	function chartDocument() {
		const { input, view, text } = need();
		// Bars take the map's colours, so they need its legend; dumbbells carry their own key.
		const legend = input.model.chart !== 'dumbbell' ? scaleLegend(input) : null;
		return { view, doc: figureDocument(view, chartFigure(elements.chart()), legend, text) };
	}

	return {
		async chartSvg() {
			const { view, doc } = chartDocument();
			saveSvg(view, doc.svg, 'chart');
		},
		async chartPng() {
			const { view, doc } = chartDocument();
			await savePng(view, doc, 'chart');
		},
		async mapPng() {
			const { input, view, text } = need();
			const container = elements.map();
			// The SVG map unless MapLibre took over (after a zoom): then its canvas, as it stands.
			if (container?.querySelector('svg')) {
				const doc = figureDocument(view, chartFigure(container), scaleLegend(input), text, [
					m.map_credit()
				]);
				await savePng(view, doc, 'map');
				return;
			}
			const canvas = container?.querySelector('canvas');
			if (!canvas || canvas.clientWidth === 0) throw new Error('the map is not drawn yet');
			const size = { width: canvas.clientWidth, height: canvas.clientHeight };
			const frame = composeFrame({
				title: view.title,
				subtitle: subtitle(view),
				legend: scaleLegend(input),
				footer: footerLines(view, text, [m.map_credit()]),
				content: size
			});
			const svg = svgDocumentText(frame, null, view.title);
			await savePng(view, { frame, svg }, 'map', { canvas, ...frame.content });
		},
		async data() {
			const { input, view, text } = need();
			// The indicator's period names place each round by the year it began, so rows that
			// compare rounds carry the note of a boundary change between them (Songwe, 2016).
			const table = dataTable(
				input.view,
				input.model,
				view,
				input.regionName,
				text,
				input.indicator.periods
			);
			saveData(view, table, text);
		}
	};
}
