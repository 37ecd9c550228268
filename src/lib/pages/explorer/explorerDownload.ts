import type { IndicatorInfo } from '$lib/domain/indicators';
import type { IndicatorView, RegionView } from '$lib/data/views';
import type { Measure } from '$lib/domain/gaps';
import type { Locale } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages.js';
import type { ViewModel } from '$lib/state/viewModel';
import type { MapDrawing } from '$lib/map/mapDrawing';
import { dataTable, roundedDataTable } from '$lib/export/dataCsv';
import { layoutBox, type ExportSize } from '$lib/export/exportSize';
import { exportText } from '$lib/export/exportText';
import { footerLines, subtitle, type ExportText, type ViewExport } from '$lib/export/exportView';
import { mapFigure, mapScaleFor } from '$lib/export/mapFigure';
import { contentArea, legendFromScale, type Legend } from '$lib/export/svgLayout';
import { largestFigure } from '$lib/export/figurePlacement';
import {
	chartFigure,
	figureDocument,
	figureMarks,
	imageDownloads,
	saveData
} from '$lib/export/viewDownloads';
import { redrawnChart, REDRAW_WIDTHS } from './chartRedraw';

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
	/** The bar chart's key for the previous round's marks; null when they are not drawn. */
	previousLabel: string | null;
	/** The map's regions as the build projected them; undefined while they load. */
	mapDrawing: MapDrawing | undefined;
	/** Where the view compares rounds across a boundary change: what changed, in words. */
	boundaryNotes: readonly string[];
}

/**
 * The boundary notes an image carries in its footer: all but on the square social card, whose
 * 540-unit frame has no line to spare without shrinking a 31-row chart below readable text (the
 * data download and the page keep the notes).
 */
function imageNotes(input: ExplorerExportInput, size: ExportSize): string[] {
	return size === 'square' ? [] : [...input.boundaryNotes];
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
		// Gaps, parity and changes are Pengo's arithmetic on the published intervals.
		intervalsComputed: indicator.synthetic || !AREA_MEASURES.includes(input.measure),
		sources: view.sources,
		exportedAt: new Date(),
		locale
	};
}

const AREA_MEASURES: readonly Measure[] = ['total', 'urban', 'rural'];

function scaleLegend(input: ExplorerExportInput): Legend {
	return legendFromScale(
		input.legendTitle,
		input.model.scale,
		input.legendFormat,
		m.legend_no_data()
	);
}

/** What a frame says around a figure, for measuring the room it leaves. */
function frameWords(view: ViewExport, text: ExportText, legend: Legend | null, credits: string[]) {
	return {
		title: view.title,
		subtitle: subtitle(view),
		legend,
		footer: footerLines(view, text, credits)
	};
}

/** The on-screen map's frame, plus room for the column of names; a square 600 when unseen. */
function mapArea(container: Element | null | undefined): { width: number; height: number } {
	const box = (
		container?.querySelector('[role="application"]') ?? container
	)?.getBoundingClientRect();
	const side = box && box.width > 0 && box.height > 0 ? Math.min(box.width, box.height) : 600;
	return { width: side + 160, height: side };
}

/**
 * The downloads of the explorer, each reading the view at the moment of the click, so the
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

	/**
	 * The chart as drawn on screen; on a page, drawn again narrower when that reads larger (two
	 * columns of a 380-wide chart on a slide, rather than of a 900-wide one).
	 */
	function chartDocument(size: ExportSize) {
		const { input, view, text } = need();
		// Bars take the map's colours, so they need its legend; dumbbells carry their own key.
		const legend = input.model.chart !== 'dumbbell' ? scaleLegend(input) : null;
		const onScreen = chartFigure(elements.chart());
		const box = layoutBox(size);
		let figure = onScreen;
		if (box && onScreen.rows) {
			const marks = figureMarks(view, onScreen, text);
			const notes = imageNotes(input, size);
			const area = contentArea({ ...frameWords(view, text, legend, notes), marks }, box);
			const props = {
				model: input.model,
				locale: input.locale,
				previous: input.previousLabel,
				label: input.title
			};
			const drawings = [
				onScreen,
				...REDRAW_WIDTHS.filter((w) => w < onScreen.width).map((w) => redrawnChart(props, w))
			];
			figure = drawings[largestFigure(drawings, area)]!;
		}
		return {
			view,
			doc: figureDocument(view, figure, legend, text, imageNotes(input, size), size)
		};
	}

	/**
	 * The whole country from the build's drawing, whatever the page's zoom, with every region
	 * named: on its region, or in a column with a leader line. On a page the map is drawn to fill
	 * the room the frame leaves it; at the natural size, as large as it is on screen.
	 */
	function mapDocument(size: ExportSize) {
		const { input, view, text } = need();
		const drawing = input.mapDrawing;
		if (!drawing) throw new Error('the map is not drawn yet');
		const names = Object.fromEntries(input.view.regions.map((r) => [r.iso, input.regionName(r)]));
		const map = {
			drawing,
			fills: input.model.fills,
			noDataColour: input.model.scale.noData,
			names
		};
		const legend = scaleLegend(input);
		const credits = [m.map_credit(), ...imageNotes(input, size)];
		const box = layoutBox(size);
		const area = box
			? contentArea(frameWords(view, text, legend, credits), box)
			: mapArea(elements.map());
		const figure = mapFigure(map, mapScaleFor(map, area));
		return { view, doc: figureDocument(view, figure, legend, text, credits, size) };
	}

	/** The data behind the view, rounded to its unit's precision; `full` adds exact columns. */
	function saveExplorerData(full: boolean) {
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
		saveData(view, roundedDataTable(table, input.indicator.unit, input.measure, full), text);
	}

	const chart = imageDownloads('chart', chartDocument);
	const map = imageDownloads('map', mapDocument);
	return {
		chartSvg: chart.svg,
		chartPng: chart.png,
		mapSvg: map.svg,
		mapPng: map.png,
		async data() {
			saveExplorerData(false);
		},
		async dataFull() {
			saveExplorerData(true);
		}
	};
}
