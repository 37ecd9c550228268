import { strToU8, zipSync } from 'fflate';
import { sourceText } from '$lib/i18n/sourceText';
import { dataCsv, type DataTable } from './dataCsv';
import { exportDate, sourceLines, subtitle, type ExportText, type ViewExport } from './exportView';

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
const BOM = '\uFEFF';

/** README.txt: what the numbers are, where they come from, under which licence, and when. */
export function readmeText(
	view: ViewExport,
	table: DataTable,
	csvName: string,
	text: ExportText
): string {
	const r = text.readme;
	const lines = [
		view.title,
		'='.repeat(Math.min(72, [...view.title].length)),
		'',
		...(view.synthetic ? [`!! ${text.synthetic}`, ''] : []),
		...(view.indicators && view.indicators.length > 0
			? [
					`${r.definition}:`,
					...view.indicators.map((i) => `- ${i.id}: ${i.label}. ${i.definition}`)
				]
			: [`${r.definition}: ${view.definition}`]),
		`${r.measure}: ${view.measureLabel} (${view.measure}), ${view.unitLabel}`,
		`${r.period}: ${view.period}`,
		`${r.area}: ${view.area}`,
		...(view.ciLevel ? [r.interval(String(Math.round(view.ciLevel * 100)))] : []),
		...(view.notes ?? []),
		'',
		`${r.sources}:`,
		...view.sources.map((s) => {
			const { title, licence } = sourceText(s, text.locale);
			return `- ${s.id}: ${title}. ${r.publisher}: ${s.publisher}${s.year ? `, ${s.year}` : ''}. ${text.licenceLabel}: ${licence}.`;
		}),
		'',
		`${r.files}: ${csvName}, README.txt, metadata.json`,
		`${r.columns}: ${table.header.join(', ')}`,
		...(table.decimals ? [r.rounding] : []),
		...(table.header.some((h) => h.endsWith('_full')) ? [r.full] : []),
		'',
		`${text.madeWith} · ${text.exported(exportDate(view.exportedAt))}`
	];
	return lines.join('\r\n') + '\r\n';
}

/** metadata.json: the same facts for a program to read. */
export function metadata(view: ViewExport, table: DataTable, csvName: string, text: ExportText) {
	return {
		title: view.title,
		subtitle: subtitle(view),
		indicator: { id: view.indicatorId, label: view.indicatorLabel, definition: view.definition },
		...(view.indicators ? { indicators: view.indicators.map((i) => ({ ...i })) } : {}),
		...(view.notes ? { notes: [...view.notes] } : {}),
		measure: { id: view.measure, label: view.measureLabel, unit: view.unitLabel },
		year: view.year,
		period: view.period,
		area: view.area,
		ciLevel: view.ciLevel,
		synthetic: view.synthetic,
		syntheticLabel: view.synthetic ? text.synthetic : null,
		sources: view.sources.map((s) => ({ ...s })),
		sourceLines: sourceLines(view.sources, text),
		files: { data: csvName, readme: 'README.txt' },
		columns: table.header,
		...(table.decimals ? { decimals: table.decimals } : {}),
		rows: table.rows.length,
		language: view.locale,
		exportedAt: view.exportedAt.toISOString(),
		generator: 'Pengo'
	};
}

/** The CSV as bytes: UTF-8 with a byte-order mark. */
export function csvBytes(table: DataTable): Uint8Array {
	return strToU8(BOM + dataCsv(table));
}

/** A zip of the CSV, README.txt and metadata.json, stamped with the export time. */
export function dataBundle(
	view: ViewExport,
	table: DataTable,
	csvName: string,
	text: ExportText
): Uint8Array {
	const mtime = view.exportedAt;
	return zipSync(
		{
			[csvName]: [csvBytes(table), { mtime }],
			'README.txt': [strToU8(readmeText(view, table, csvName, text)), { mtime }],
			'metadata.json': [
				strToU8(JSON.stringify(metadata(view, table, csvName, text), null, 2) + '\n'),
				{ mtime }
			]
		},
		{ level: 6 }
	);
}
