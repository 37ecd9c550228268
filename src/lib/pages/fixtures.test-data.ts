import type { IndicatorInfo } from '$lib/domain/indicators';
import type { SourceRecord } from '$lib/data/views';
import type { Estimate } from '$lib/domain/estimate';
import type { ViewText } from '$lib/i18n/labels';
import { VIEW_TEXT } from '$lib/state/viewModel.test-data';

/** Small hand-made inputs for the page models' tests. */

/** An indicator with no years, no split and a percent unit, unless `over` says otherwise. */
export function indicatorInfo(id: string, over: Partial<IndicatorInfo> = {}): IndicatorInfo {
	return {
		id,
		label: { en: `Label of ${id}`, sw: `Jina la ${id}` },
		unit: 'percent',
		definition: { en: `Definition of ${id}`, sw: '' },
		hasUrbanRural: false,
		years: [],
		periods: {},
		synthetic: false,
		...over
	};
}

/** A value without an interval or a respondent count. */
export const estimate = (value: number | null): Estimate => ({
	value,
	lower: null,
	upper: null,
	se: null,
	n: null,
	note: null
});

export const sourceRecord = (id: string): SourceRecord => ({
	id,
	title: `Title of ${id}`,
	publisher: 'NBS',
	year: null,
	licence: 'CC BY 4.0',
	note: null
});

export const ENGLISH_VIEW_TEXT: ViewText = {
	...VIEW_TEXT,
	locale: 'en-GB',
	period: (year) => String(year)
};
