import type { Estimate } from '$lib/domain/estimate';
import {
	SURVEY_SOURCE_ID,
	type IndicatorProfile,
	type ProfileYear,
	type RegionProfile,
	type RoundChange
} from '$lib/data/regionProfile';
import type { SourceRecord } from '$lib/data/views';
import { boundaryNoteText } from '$lib/i18n/boundaryNotes';
import { displayUnit, formatValue, type DisplayUnit } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages.js';
import { formatEstimate, formatRange } from '$lib/ui/profile/format';
import type { BriefContents } from './briefSentences';

/**
 * One region's brief: its figures for every indicator (urban, rural, the gap with its interval,
 * its rank among the regions), the trend across survey rounds with the interval of each change,
 * and the boundary notes of the rounds it compares. Pure: a profile and a language in, text out.
 */

/** One survey round of an indicator's trend: the gap (or the total) then, and the change since. */
export interface TrendRound {
	period: string;
	value: string;
	/** "+5.5 pp since 2015-16 (−1.2 pp to +12.2 pp)"; null for the first round. */
	change: string | null;
	/** The change's interval includes zero. */
	notSignificant: boolean;
}

export interface RegionBriefIndicator {
	id: string;
	label: string;
	synthetic: boolean;
	/** The latest round's period as published. */
	period: string;
	total: string;
	/** Null for an indicator without an urban/rural split. */
	urban: string | null;
	rural: string | null;
	gap: string | null;
	/** The gap's interval includes zero. */
	gapNotSignificant: boolean;
	/** "3 of 31": the region's place by total in the latest round, 1 the highest. */
	rank: string;
	/** What the trend follows: the gap where there is a split, else the total. */
	trendOf: 'gap' | 'total';
	/** Every round with a value, oldest first; empty when there is only one. */
	trend: TrendRound[];
	boundaryNotes: string[];
}

export interface RegionBrief {
	iso: string;
	name: string;
	indicators: RegionBriefIndicator[];
	/** Who made the intervals in brackets, each sentence once. */
	intervalNotes: string[];
	contents: BriefContents;
	sources: SourceRecord[];
}

export interface RegionBriefText {
	language: Locale;
	/** Intl locale for numbers: "en-GB", "sw-TZ". */
	locale: string;
	nameOf: (code: string) => string;
}

function textOf(t: RegionBriefText) {
	const options = { locale: t.language };
	const noData = m.profile_no_data({}, options);
	const join = (lower: string, upper: string) => m.profile_range({ lower, upper }, options);
	const estimate = (e: Pick<Estimate, 'value' | 'lower' | 'upper'>, unit: DisplayUnit) =>
		formatEstimate(e, unit, t.locale, noData, join);
	const change = (c: RoundChange | null, unit: DisplayUnit, period: string): string | null => {
		const e = c?.estimate;
		if (!e) return null;
		const value = formatValue(e.value, unit, t.locale);
		const range = formatRange(e.lower, e.upper, unit, t.locale, join);
		return range === null
			? m.profile_change_since({ change: value, period }, options)
			: m.profile_change_since_range({ change: value, period, range }, options);
	};
	return { options, noData, estimate, change };
}

function indicatorBrief(p: IndicatorProfile, t: RegionBriefText): RegionBriefIndicator {
	const { options, noData, estimate, change } = textOf(t);
	const ind = p.indicator;
	const unit = displayUnit(ind.unit, 'total');
	const diffUnit = displayUnit(ind.unit, 'gap');
	const latest = p.latest;
	const periodOf = (year: number) => p.years.find((y) => y.year === year)?.period ?? String(year);
	const gapOf = (y: ProfileYear) => {
		const g = y.gap.estimate;
		return g ? estimate({ value: g.gap, lower: g.lower, upper: g.upper }, diffUnit) : noData;
	};
	const trendOf: 'gap' | 'total' = ind.hasUrbanRural ? 'gap' : 'total';
	const rounds = p.years.filter((y) =>
		trendOf === 'gap' ? y.gap.estimate !== null : y.total.value !== null
	);
	const changeOf = (y: ProfileYear) => (trendOf === 'gap' ? y.gapChange : y.totalChange);
	const trend =
		rounds.length < 2
			? []
			: rounds.map((y) => {
					const c = changeOf(y);
					return {
						period: y.period,
						value: trendOf === 'gap' ? gapOf(y) : estimate(y.total, unit),
						change: c ? change(c, diffUnit, periodOf(c.fromYear)) : null,
						notSignificant: c?.estimate?.significant === false
					};
				});
	const notes = rounds.flatMap((y) => {
		const c = changeOf(y);
		return (c?.boundaryNotes ?? []).map((n) =>
			boundaryNoteText(n, periodOf(c!.fromYear), y.period, t.nameOf, t.locale, t.language)
		);
	});
	return {
		id: ind.id,
		label: ind.label[t.language] || ind.label.en,
		synthetic: ind.synthetic,
		period: latest.period,
		total: estimate(latest.total, unit),
		urban: ind.hasUrbanRural ? estimate(latest.urban, unit) : null,
		rural: ind.hasUrbanRural ? estimate(latest.rural, unit) : null,
		gap: ind.hasUrbanRural ? gapOf(latest) : null,
		gapNotSignificant: latest.gap.estimate?.significant === false,
		rank:
			latest.rank === null
				? noData
				: m.profile_rank_of(
						{ rank: String(latest.rank), total: String(latest.rankedRegions) },
						options
					),
		trendOf,
		trend: trend.length > 0 ? trend : [],
		boundaryNotes: notes.filter((n, i) => notes.indexOf(n) === i)
	};
}

/** Which intervals the region's page shows, and who made them. */
function regionContents(profile: RegionProfile): BriefContents {
	const ranged = (e: { lower: number | null; upper: number | null } | null | undefined) =>
		e?.lower != null && e.upper != null;
	const years = profile.indicators.flatMap((i) => i.years);
	const estimates = years.flatMap((y) => [y.total, y.urban, y.rural]).filter(ranged);
	const changes = years.flatMap((y) => [y.totalChange, y.gapChange]);
	return {
		gaps: profile.indicators.some((i) => i.indicator.hasUrbanRural),
		gapIntervals: years.some((y) => ranged(y.gap.estimate)),
		changeWithoutInterval: changes.some((c) => c?.estimate && !ranged(c.estimate)),
		changeWithInterval: changes.some((c) => ranged(c?.estimate)),
		sourceIntervals: estimates.some((e) => e.sourceId !== SURVEY_SOURCE_ID),
		pengoIntervals: estimates.some((e) => e.sourceId === SURVEY_SOURCE_ID),
		keyFigures: false,
		regionRank: true,
		synthetic: profile.indicators.some((i) => i.indicator.synthetic)
	};
}

/** A region's brief from its profile, in the reader's language. */
export function regionBrief(profile: RegionProfile, t: RegionBriefText): RegionBrief {
	const contents = regionContents(profile);
	const options = { locale: t.language };
	const intervalNotes: string[] = [
		contents.sourceIntervals ? m.brief_region_interval_source({}, options) : null,
		contents.pengoIntervals ? m.brief_region_interval_survey({}, options) : null,
		contents.gapIntervals || contents.changeWithInterval
			? m.brief_region_interval_pengo({}, options)
			: null
	].flatMap((s) => (s === null ? [] : [String(s)]));
	const sources: Record<string, SourceRecord> = {};
	for (const s of profile.indicators.flatMap((i) => i.sources)) sources[s.id] ??= s;
	return {
		iso: profile.region.isoCode,
		name: profile.region.nameOfficial,
		indicators: profile.indicators.map((p) => indicatorBrief(p, t)),
		intervalNotes,
		contents,
		sources: Object.values(sources)
	};
}
