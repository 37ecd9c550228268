import { missingReason, type Area, type ServicePoint, type ServicesView } from '$lib/data/services';
import { NOTE_SUPPRESSED, NOTE_UNSTABLE } from '$lib/domain/reliability';
import type { CsvCell } from './csvWriter';
import type { DataTable } from './dataCsv';
import type { ExportText } from './exportView';

/**
 * The data behind the services scatter: one row per region and area, then the national urban and
 * rural points, each with both axes' values, intervals and respondents, whether it is drawn and,
 * when not, why.
 */
export const SERVICES_COLUMNS = [
	'region_code',
	'region_name',
	'area',
	'year',
	'x_indicator_id',
	'x_value',
	'x_lower',
	'x_upper',
	'x_n',
	'y_indicator_id',
	'y_value',
	'y_lower',
	'y_upper',
	'y_n',
	'ci_level',
	'drawn',
	'source_ids',
	'note'
] as const;

export interface ServicesCsvText extends ExportText {
	/** Why a point is not drawn: no respondents in that area (too few is `suppressed`). */
	noSample: (area: Area) => string;
}

export function servicesDataTable(
	view: ServicesView,
	axes: { x: string; y: string },
	text: ServicesCsvText
): DataTable {
	const sourceIds = view.sources.map((s) => s.id).join(';');
	const words = (note: string | null) =>
		note === NOTE_SUPPRESSED ? text.suppressed : note === NOTE_UNSTABLE ? text.unstable : note;
	const row = (p: ServicePoint, name: string): CsvCell[] => {
		const missing = missingReason(p);
		const notes = [
			missing === 'no-sample'
				? text.noSample(p.area)
				: missing === 'suppressed'
					? text.suppressed
					: null,
			...[p.x.note, p.y.note].map(words)
		];
		const drawn = missing === null;
		return [
			p.code,
			name,
			p.area,
			view.year,
			axes.x,
			p.x.value,
			p.x.lower,
			p.x.upper,
			p.x.n,
			axes.y,
			p.y.value,
			p.y.lower,
			p.y.upper,
			p.y.n,
			view.ciLevel,
			String(drawn),
			sourceIds,
			[...new Set(notes.filter((n): n is string => !!n))].join('; ') || null
		];
	};
	return {
		header: [...SERVICES_COLUMNS],
		rows: [
			...view.regions.map((p) => row(p, p.name ?? p.code)),
			...view.national.map((p) => row(p, text.national))
		]
	};
}
