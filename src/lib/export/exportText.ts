import { m } from '$lib/paraglide/messages.js';
import { boundaryNoteText } from '$lib/i18n/boundaryNotes';
import { i18n, intlLocale } from '$lib/i18n/locale.svelte';
import type { ExportText } from './exportView';

/** The fixed words of an export in the current UI language, read at the moment of export. */
export function exportText(): ExportText {
	return {
		locale: i18n.locale,
		sourceLabel: m.source_label(),
		licenceLabel: m.licence_label(),
		madeWith: m.export_made_with(),
		exported: (date) => m.export_exported({ date }),
		synthetic: m.synthetic_badge(),
		noData: m.no_data(),
		notSignificant: m.not_significant(),
		changeNotSignificant: m.export_change_not_significant(),
		suppressed: m.suppressed(),
		unstable: m.unstable(),
		national: m.export_national(),
		boundaryNote: (note, from, to, nameOf) =>
			boundaryNoteText(note, from, to, nameOf, intlLocale(i18n.locale)),
		marks: {
			interval: (level, computed) =>
				computed
					? m.export_mark_interval_computed({ level })
					: m.export_mark_interval_published({ level }),
			notSignificant: m.export_mark_not_significant({ mark: m.not_significant_mark() }),
			changeNotSignificant: m.export_mark_change_not_significant({
				mark: m.not_significant_mark()
			}),
			notSignificantMark: m.not_significant_mark(),
			national: m.export_mark_national()
		},
		readme: {
			definition: m.export_readme_definition(),
			measure: m.export_readme_measure(),
			period: m.export_readme_period(),
			area: m.export_readme_area(),
			interval: (level) => m.export_readme_interval({ level }),
			sources: m.export_readme_sources(),
			publisher: m.export_readme_publisher(),
			files: m.export_readme_files(),
			columns: m.export_readme_columns(),
			rounding: m.export_readme_rounding(),
			full: m.export_readme_full()
		}
	};
}
