import type { Locale } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages.js';
import type { Measure } from '$lib/domain/gaps';
import type { ViewModel } from '$lib/state/viewModel';

/**
 * The sentences of the brief that describe what its pages draw. Each is chosen from facts about
 * the page (which marks are drawn, who made the intervals), so no sentence claims a line, an
 * interval or a comparison the page does not show. Pure: facts and a language in, text out.
 */

/** Who made the intervals a chart draws. */
export type IntervalMaker = 'source' | 'pengo';

/**
 * The interval marks a chart draws: around each region's value, around urban and rural, or around
 * each change between rounds (always computed by Pengo).
 */
export interface IntervalMarks {
	of: 'values' | 'urban_rural' | 'changes';
	/** Confidence level, 0.90 for 90%. */
	level: number;
	maker: IntervalMaker;
}

/**
 * The interval marks a view's chart draws, or null when it draws none (a view whose source gave no
 * intervals, or a chart that draws none). `ciLevel` is the level of the lines drawn: the view's for
 * its estimates, the changes' for a chart of changes.
 */
export function intervalMarks(
	model: Pick<ViewModel, 'chart' | 'barRows' | 'dumbbellRows'>,
	measure: Measure,
	ciLevel: number | null,
	maker: IntervalMaker
): IntervalMarks | null {
	if (ciLevel === null || model.chart === 'rounds') return null;
	const drawn =
		model.chart === 'dumbbell'
			? model.dumbbellRows.some(
					(r) =>
						(r.urbanLower !== null && r.urbanUpper !== null) ||
						(r.ruralLower !== null && r.ruralUpper !== null)
				)
			: model.barRows.some((r) => r.lower !== null && r.upper !== null);
	if (!drawn) return null;
	if (measure === 'change') return { of: 'changes', level: ciLevel, maker: 'pengo' };
	return { of: model.chart === 'dumbbell' ? 'urban_rural' : 'values', level: ciLevel, maker };
}

const percent = (level: number) => String(Math.round(level * 100));

/** The sentence under a chart that draws intervals: what the lines are and whose they are. */
export function intervalNote(marks: IntervalMarks | null, locale: Locale): string | null {
	if (marks === null) return null;
	const words = { level: percent(marks.level) };
	const options = { locale };
	if (marks.of === 'changes') return m.chart_change_ci(words, options);
	if (marks.of === 'values')
		return marks.maker === 'source'
			? m.brief_ci_values_source(words, options)
			: m.brief_ci_values_pengo(words, options);
	return marks.maker === 'source'
		? m.brief_ci_urban_rural_source(words, options)
		: m.brief_ci_urban_rural_pengo(words, options);
}

/** What the brief shows, as far as its methods page must speak of it. */
export interface BriefContents {
	/** Some page shows an urban–rural gap (a gap view, a dumbbell, or the region's profile). */
	gaps: boolean;
	/** Some page shows a gap's interval or its significance (computed by Pengo). */
	gapIntervals: boolean;
	/** Some page shows a change between rounds without its interval (a change view). */
	changeWithoutInterval: boolean;
	/** Some page shows a change between rounds with its interval or its (ns) mark. */
	changeWithInterval: boolean;
	/** Some chart draws intervals published by a source. */
	sourceIntervals: boolean;
	/** Some chart or table shows intervals Pengo computed from survey records. */
	pengoIntervals: boolean;
	/** Key figures rank regions within each indicator. */
	keyFigures: boolean;
	/** A region's rank among the regions is shown. */
	regionRank: boolean;
	synthetic: boolean;
}

/**
 * The paragraphs of the methods page, only those that speak of something the brief shows (the
 * synthetic-data warning is drawn apart, in bold, when `synthetic`).
 */
export function methodsSentences(c: BriefContents, locale: Locale): string[] {
	const options = { locale };
	const out: string[] = [];
	if (c.gaps) out.push(m.brief_methods_gap({}, options));
	if (c.sourceIntervals) out.push(m.brief_methods_interval_source({}, options));
	if (c.pengoIntervals) out.push(m.brief_methods_interval_pengo({}, options));
	if (c.gapIntervals) {
		out.push(m.brief_methods_gap_interval({}, options));
		out.push(m.brief_methods_significance({}, options));
	}
	if (c.changeWithoutInterval) out.push(m.brief_methods_change({}, options));
	if (c.changeWithInterval) out.push(m.brief_methods_change_interval({}, options));
	if (c.keyFigures) out.push(m.brief_methods_ranking({}, options));
	if (c.regionRank) out.push(m.brief_methods_region_rank({}, options));
	out.push(m.brief_methods_small({}, options));
	return out;
}
