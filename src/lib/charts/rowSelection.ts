/**
 * Chart rows behave like toggle buttons: a click or Enter/Space selects the row's region, and
 * selecting the selected one clears it. Shared by every ranked chart.
 */
export function toggleTarget(iso: string, selected: string | null): string | null {
	return iso === selected ? null : iso;
}

export function isActivation(event: KeyboardEvent): boolean {
	return event.key === 'Enter' || event.key === ' ';
}
