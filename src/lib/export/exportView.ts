import type { BoundaryNote } from '$lib/domain/boundaries';
import type { SourceRecord } from '$lib/data/views';
import { sourceLine } from '$lib/i18n/sourceText';

/** An indicator a view draws, as the README defines it. */
export interface ExportedIndicator {
	id: string;
	label: string;
	definition: string;
}

/** What every export of one view states about itself, in the UI language of the moment. */
export interface ViewExport {
	/** "Women who own a mobile phone: Total, 2022": the indicator and the measure. */
	title: string;
	/** The indicator, or for a view of several (profile, index) an id naming the view. */
	indicatorId: string;
	indicatorLabel: string;
	/** The subtitle's first sentence: the indicator's definition, or what the view shows. */
	definition: string;
	/** The measure's stable id (`total`, `gap`, … or the view's own, such as `index`). */
	measure: string;
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
	/** Views of several indicators: each one's definition, listed in the README. */
	indicators?: readonly ExportedIndicator[];
	/** Further README lines: how the view was made (weights, axes). */
	notes?: readonly string[];
	/** The file name's stem after `pengo`, when indicator, measure and period do not name the view. */
	fileStem?: readonly string[];
	/**
	 * Whether the intervals drawn were computed by Pengo (a gap, a change, an estimate from
	 * microdata) rather than published by the source; taken as `synthetic` when not given.
	 */
	intervalsComputed?: boolean;
}

/** The fixed words of an export; the i18n layer fills them (see `exportText.ts`). */
export interface ExportText {
	/** The language of these words; source titles and licences follow it (`title_sw`, `licence_sw`). */
	locale: string;
	sourceLabel: string;
	licenceLabel: string;
	madeWith: string;
	/** "Exported 2026-12-01". */
	exported: (date: string) => string;
	synthetic: string;
	noData: string;
	notSignificant: string;
	/** A change between rounds whose interval includes zero. */
	changeNotSignificant: string;
	suppressed: string;
	unstable: string;
	/** The name of the national row of a data export: "Tanzania (national)". */
	national: string;
	/**
	 * A boundary note in words for a comparison of the rounds `from` and `to` (periods as
	 * published), regions named by `nameOf`.
	 */
	boundaryNote: (
		note: BoundaryNote,
		from: string,
		to: string,
		nameOf: (code: string) => string
	) => string;
	/** The key to a chart's marks: interval lines, "(ns)", the dashed national line. */
	marks: {
		/** "Lines: 90% confidence interval, published by the source". */
		interval: (level: string, computed: boolean) => string;
		notSignificant: string;
		/** The same mark on a change between rounds. */
		changeNotSignificant: string;
		/** The mark itself, as the charts write it after a value: "(ns)". */
		notSignificantMark: string;
		national: string;
	};
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
		/** The numbers are rounded; metadata.json says to how many decimals. */
		rounding: string;
		/** What the `_full` columns are. */
		full: string;
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
	const labels = { source: text.sourceLabel, licence: text.licenceLabel };
	return sources.map((s) => sourceLine(s, text.locale, labels));
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
	return ['pengo', ...(view.fileStem ?? [view.indicatorId, view.measure, view.period]), ...extra];
}

/** Source records of several views, each once, in the order first met. */
export function uniqueSources(lists: Iterable<readonly SourceRecord[]>): SourceRecord[] {
	const out = new Map<string, SourceRecord>();
	for (const list of lists) for (const s of list) if (!out.has(s.id)) out.set(s.id, s);
	return [...out.values()];
}
