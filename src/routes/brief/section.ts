import type { SourceRecord } from '$lib/data/views';
import type { Measure } from '$lib/domain/gaps';
import type { ViewModel } from '$lib/state/viewModel';

/** One chosen view, ready to draw on its own page of the brief. */
export interface BriefSection {
	key: string;
	/** "Women who own a mobile phone: Change since 2015-16, 2022". */
	title: string;
	definition: string;
	measure: Measure;
	synthetic: boolean;
	sources: readonly SourceRecord[];
	ciLevel: number | null;
	model: ViewModel;
	legendTitle: string;
	/** Label of the previous-round marker on a bar chart of totals, if drawn. */
	previousLabel: string | null;
}
