import type { SourceRecord } from '$lib/data/views';
import type { Measure } from '$lib/domain/gaps';

/** What every export of one view states about itself, in the UI language of the moment. */
export interface ViewExport {
	/** "Women who own a mobile phone: Total, 2022": the indicator and the measure. */
	title: string;
	indicatorId: string;
	indicatorLabel: string;
	definition: string;
	measure: Measure;
	measureLabel: string;
	unitLabel: string;
	year: number;
	/** The period as published: "2015-16". */
	period: string;
	/** "Tanzania, 31 regions". */
	area: string;
	ciLevel: number | null;
	synthetic: boolean;
	sources: readonly SourceRecord[];
	exportedAt: Date;
	locale: 'en' | 'sw';
}

/** The fixed words of an export; the i18n layer fills them (see `exportText.ts`). */
export interface ExportText {
	sourceLabel: string;
	licenceLabel: string;
	madeWith: string;
	/** "Exported 2026-12-01". */
	exported: (date: string) => string;
	synthetic: string;
	noData: string;
	notSignificant: string;
	suppressed: string;
	unstable: string;
	/** Words of README.txt. */
	readme: {
		definition: string;
		measure: string;
		period: string;
		area: string;
		interval: (level: string) => string;
		sources: string;
		publisher: string;
		files: string;
		columns: string;
	};
}

/** The date of export as people everywhere read it unambiguously: 2026-12-01 (local date). */
export function exportDate(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Women who own a mobile phone. Percentage of women … 2022. Tanzania, 31 regions." */
export function subtitle(view: ViewExport): string {
	const stop = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
	return [view.definition, view.period, view.area]
		.filter((s) => s.trim() !== '')
		.map(stop)
		.join(' ');
}

/** One line per source record, worded as the page's source line words it. */
export function sourceLines(sources: readonly SourceRecord[], text: ExportText): string[] {
	return sources.map(
		(s) =>
			`${text.sourceLabel}: ${s.title}. ${s.publisher}${s.year ? `, ${s.year}` : ''}. ${text.licenceLabel}: ${s.licence}.`
	);
}

/** A footer line; the synthetic label is set in bold so no crop can miss it. */
export interface FooterLine {
	text: string;
	strong?: boolean;
}

/**
 * The footer of every image: sources and licences from the source records, the synthetic label
 * when the data are synthetic, any extra credit (the map's boundaries), then maker and date.
 */
export function footerLines(
	view: ViewExport,
	text: ExportText,
	credits: readonly string[] = []
): FooterLine[] {
	return [
		...(view.synthetic ? [{ text: text.synthetic, strong: true }] : []),
		...sourceLines(view.sources, text).map((line) => ({ text: line })),
		...credits.map((line) => ({ text: line })),
		{ text: `${text.madeWith} · ${text.exported(exportDate(view.exportedAt))}` }
	];
}

/** The stem every file of this view is named from: pengo, indicator, measure, period. */
export function fileParts(view: ViewExport, ...extra: string[]): string[] {
	return ['pengo', view.indicatorId, view.measure, view.period, ...extra];
}
