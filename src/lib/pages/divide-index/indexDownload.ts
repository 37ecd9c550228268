import type { IndicatorInfo } from '$lib/domain/indicators';
import { indexDataTable } from '$lib/export/indexCsv';
import type { Figure, ViewDownloadInput } from '$lib/export/viewDownloads';
import { i18n } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages.js';
import type { IndexModel } from './indexModel';

/** What the index view's Download menu saves: the ranked bars, and the index as data. */
export function indexDownload(
	model: IndexModel,
	year: number,
	indicators: readonly IndicatorInfo[],
	figure: () => Figure
): ViewDownloadInput {
	const { counted, componentName, period, rows, sources, yearText } = model;
	return {
		view: {
			title: m.index_chart_heading({ year: yearText }),
			indicatorId: 'divide-index',
			indicatorLabel: m.index_title(),
			definition: m.index_scale_note(),
			measure: 'index',
			measureLabel: m.index_col_index(),
			unitLabel: m.export_unit_index(),
			year,
			period: yearText,
			area: m.export_area(),
			ciLevel: null,
			synthetic: model.synthetic,
			sources,
			exportedAt: new Date(),
			locale: i18n.locale,
			indicators: counted.map((c) => ({
				id: c.id,
				label: componentName(c),
				definition: indicators.find((i) => i.id === c.indicatorId)?.definition[i18n.locale] ?? ''
			})),
			notes: [
				m.index_method_rescale(),
				m.index_method_mean(),
				...counted.map((c) =>
					m.export_index_weight({
						component: componentName(c),
						weight: model.weightText(c.weight),
						year: period(c.indicatorId, c.year)
					})
				)
			],
			fileStem: ['divide-index', yearText]
		},
		figure,
		table: () =>
			indexDataTable(
				rows,
				counted,
				year,
				sources.map((s) => s.id),
				m.index_not_enough()
			)
	};
}
