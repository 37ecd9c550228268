import type { ChartRowData } from './types';

/**
 * A chart row's accessible name. A row shows its region's name and its value; a person who
 * speaks to their computer says what they see ("Dar es Salaam 87.2%"), so the name must hold
 * that visible text, in that order (WCAG 2.5.3, label in name). A description that already
 * reads "name: value…" is kept as it is; any other starts with the visible text and goes on
 * with the rest of the description.
 */
export function chartRowLabel(
	row: Pick<ChartRowData, 'name' | 'valueText' | 'description'>
): string {
	const { name, valueText, description } = row;
	if (description.startsWith(`${name}: ${valueText}`)) return description;
	const rest = description.startsWith(`${name}: `)
		? description.slice(name.length + 2)
		: description;
	return `${name} ${valueText}: ${rest}`;
}
