import type { BoundaryNote } from '$lib/domain/boundaries';
import { m } from '$lib/paraglide/messages.js';

/** Names joined as a sentence writes them: "Mwanza, Kagera and Shinyanga" ("…na…" in Kiswahili). */
export function joinNames(names: readonly string[], locale: string): string {
	return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

/**
 * A boundary note in words, for a comparison of the rounds `from` and `to` (their periods as
 * published): the region was created out of others, or gave part of its area to a new one.
 */
export function boundaryNoteText(
	note: BoundaryNote,
	from: string,
	to: string,
	nameOf: (code: string) => string,
	locale: string,
	language?: 'en' | 'sw'
): string {
	const options = language ? { locale: language } : undefined;
	const region = nameOf(note.region);
	const others = joinNames(note.others.map(nameOf), locale);
	const year = String(note.year);
	return note.role === 'created'
		? m.profile_boundary_created({ from, to, region, year, sources: others }, options)
		: m.profile_boundary_source({ from, to, region, created: others, year }, options);
}
