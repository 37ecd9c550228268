import { m } from '$lib/paraglide/messages.js';
import type { DataTable } from './dataCsv';
import { downloadBlob } from './download';
import { dataBundle } from './exportBundle';
import { imagePixels, layoutBox, sizeSuffix, type ExportSize } from './exportSize';
import { exportText } from './exportText';
import { fileParts, footerLines, subtitle, type ExportText, type ViewExport } from './exportView';
import { safeFileName } from './fileName';
import { rowBandsFromCentres } from './figurePlacement';
import { markItems, marksInFigure, type MarkItem } from './marksLegend';
import { svgToPng, type Raster } from './pngExport';
import { chartToTree, svgDocumentText } from './svgExport';
import { composeFrame, type Frame, type Legend } from './svgLayout';
import { tableFigure, type Figure, type FigureRow } from './tableFigure';

/**
 * The downloads every view offers — its figure (a chart, or a table drawn as one) as SVG and PNG,
 * and its data as a zip — built from what the view hands over at the moment of the click, so a
 * file follows the view and the language on screen.
 */

export type { Figure };

function sizeOf(element: Element): { width: number; height: number } {
	const width = Number(element.getAttribute('width'));
	const height = Number(element.getAttribute('height'));
	if (width > 0 && height > 0) return { width, height };
	const box = element.getBoundingClientRect();
	return { width: box.width, height: box.height };
}

/**
 * The first `<svg>` drawn inside `container`, as a figure; throws when none is drawn. A ranked
 * chart's rows (ChartRows: `g.row` with a `text.name` at each row's middle) are noted, so a
 * slide can set them in columns.
 */
export function chartFigure(container: Element | null | undefined): Figure {
	const svg = container?.querySelector('svg');
	const node = svg ? chartToTree(svg) : null;
	if (!svg || !node) throw new Error('no chart is drawn (the table is shown)');
	const size = sizeOf(svg);
	const centres = [...svg.querySelectorAll('g.row > text.name')].map((t) =>
		Number(t.getAttribute('y'))
	);
	return { node, ...size, rows: rowBandsFromCentres(centres, size.height) };
}

const cellText = (cell: Element) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * A `<table>` drawn inside `container` as a figure, cell for cell as a person reads it: the
 * words come from the rendered table, so the image cannot say other than the page.
 */
export function tableElementFigure(container: Element | null | undefined): Figure {
	const table = container?.querySelector('table');
	if (!table) throw new Error('no table is shown');
	const header = [...(table.tHead?.rows[0]?.cells ?? [])].map(cellText);
	const rows: FigureRow[] = [...table.tBodies].flatMap((body) =>
		[...body.rows].map((row) => ({
			key: row.getAttribute('data-key') ?? '',
			cells: [...row.cells].map(cellText)
		}))
	);
	return tableFigure(header, rows);
}

/** The key to the marks a figure draws, in the words of the export. */
export function figureMarks(view: ViewExport, figure: Figure, text: ExportText): MarkItem[] {
	const level = view.ciLevel === null ? null : String(Math.round(view.ciLevel * 100));
	const change = view.measure === 'change' || view.measure === 'gapChange';
	return markItems(marksInFigure(figure.node, text.marks.notSignificantMark), {
		interval:
			level === null ? null : text.marks.interval(level, view.intervalsComputed ?? view.synthetic),
		notSignificant: change ? text.marks.changeNotSignificant : text.marks.notSignificant,
		national: text.marks.national
	});
}

/** A composed image: its layout, its SVG text and its size in image pixels. */
export interface FigureDocument {
	frame: Frame;
	svg: string;
	pixels: { width: number; height: number };
	size: ExportSize;
}

/**
 * The composed SVG document of a figure: title, subtitle, figure, legend, the key to its marks
 * and footer, at its natural size or on a page of `size`.
 */
export function figureDocument(
	view: ViewExport,
	figure: Figure,
	legend: Legend | null,
	text: ExportText,
	credits: readonly string[] = [],
	size: ExportSize = 'natural'
): FigureDocument {
	const frame = composeFrame({
		title: view.title,
		subtitle: subtitle(view),
		legend,
		marks: figureMarks(view, figure, text),
		footer: footerLines(view, text, credits),
		content: { width: figure.width, height: figure.height, rows: figure.rows ?? null },
		box: layoutBox(size)
	});
	const pixels = size === 'natural' ? undefined : imagePixels(frame);
	return {
		frame,
		svg: svgDocumentText(frame, figure.node, view.title, pixels),
		pixels: imagePixels(frame),
		size
	};
}

export function saveSvg(view: ViewExport, doc: FigureDocument, kind: string): void {
	downloadBlob(
		new Blob([doc.svg], { type: 'image/svg+xml' }),
		safeFileName(fileParts(view, kind, ...sizeSuffix(doc.size)), 'svg')
	);
}

export async function savePng(
	view: ViewExport,
	doc: FigureDocument,
	kind: string,
	raster?: Raster
): Promise<void> {
	const png = await svgToPng(doc.svg, doc.frame.width, doc.frame.height, raster);
	downloadBlob(png, safeFileName(fileParts(view, kind, ...sizeSuffix(doc.size)), 'png'));
}

/** The SVG and PNG downloads of a figure, its document made at the moment of the click. */
export function imageDownloads(
	kind: string,
	make: (size: ExportSize) => { view: ViewExport; doc: FigureDocument }
) {
	return {
		async svg(size: ExportSize = 'natural') {
			const { view, doc } = make(size);
			saveSvg(view, doc, kind);
		},
		async png(size: ExportSize = 'natural') {
			const { view, doc } = make(size);
			await savePng(view, doc, kind);
		}
	};
}

/** The data zip: the CSV, README.txt and metadata.json. */
export function saveData(view: ViewExport, table: DataTable, text: ExportText): void {
	const csvName = safeFileName(fileParts(view), 'csv');
	const zip = dataBundle(view, table, csvName, text);
	downloadBlob(
		new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
		safeFileName(fileParts(view), 'zip')
	);
}

/** What a view hands over for its downloads; the figure and table are read only when asked for. */
export interface ViewDownloadInput {
	view: ViewExport;
	figure: () => Figure;
	table: (text: ExportText) => DataTable;
	/** A legend under the figure, when the figure does not carry its own key. */
	legend?: Legend | null;
	/** `chart` or `table`: the last word of the image files' names. */
	kind?: 'chart' | 'table';
}

/** The three downloads of a view; `current` returns null while the view is still loading. */
export function viewDownloads(current: () => ViewDownloadInput | null) {
	const need = () => {
		const input = current();
		if (!input) throw new Error(m.export_not_ready());
		return { input, text: exportText() };
	};
	const image = (size: ExportSize) => {
		const { input, text } = need();
		const legend = input.legend ?? null;
		const doc = figureDocument(input.view, input.figure(), legend, text, [], size);
		return { view: input.view, doc };
	};
	const images = () => imageDownloads(current()?.kind ?? 'chart', image);
	return {
		chartSvg: (size: ExportSize = 'natural') => images().svg(size),
		chartPng: (size: ExportSize = 'natural') => images().png(size),
		async data() {
			const { input, text } = need();
			saveData(input.view, input.table(text), text);
		}
	};
}
