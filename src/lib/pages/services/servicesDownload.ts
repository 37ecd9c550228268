import type { IndicatorInfo } from '$lib/domain/indicators';
import { CONNECTIVITY, SERVICES, type ServicesView } from '$lib/data/services';
import { servicesDataTable } from '$lib/export/servicesCsv';
import type { Figure, ViewDownloadInput } from '$lib/export/viewDownloads';
import { unitLabel } from '$lib/i18n/labels';
import { i18n } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages.js';
import type { ServicesModel } from './servicesModel';
import { noSample } from './servicesText';

/** What the services view's Download menu saves: the scatter, and its points as data. */
export function servicesDownload(
	view: ServicesView,
	model: ServicesModel,
	indicators: readonly IndicatorInfo[],
	figure: () => Figure
): ViewDownloadInput {
	const axes = { x: CONNECTIVITY[view.connectivity], y: SERVICES[view.service] };
	const info = (id: string) => indicators.find((i) => i.id === id);
	return {
		view: {
			title: model.heading,
			indicatorId: 'services',
			indicatorLabel: m.services_title(),
			definition: m.services_intro(),
			measure: 'scatter',
			measureLabel: m.export_services_measure(),
			unitLabel: unitLabel('percent'),
			year: view.year,
			period: String(view.year),
			area: m.export_area(),
			ciLevel: view.ciLevel,
			synthetic: model.synthetic,
			sources: view.sources,
			exportedAt: new Date(),
			locale: i18n.locale,
			indicators: [axes.x, axes.y].map((id) => ({
				id,
				label: info(id)?.label[i18n.locale] ?? id,
				definition: info(id)?.definition[i18n.locale] ?? ''
			})),
			notes: [m.export_axes({ x: model.xName, y: model.yName })],
			fileStem: ['services', view.service, view.connectivity, String(view.year)]
		},
		figure,
		table: (text) => servicesDataTable(view, axes, { ...text, noSample })
	};
}
