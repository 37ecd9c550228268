/**
 * Whether to say "Pengo was updated": the versions this browser has shown before are kept (most
 * recent first), and a version never shown before, after some other one was, is an update. Going
 * back to a version already seen (an older copy served offline) is not news, and the very first
 * visit has nothing to compare with.
 */

/** Enough to recognise a step back to a recent copy; the list never grows past this. */
export const SEEN_LIMIT = 8;

export function parseSeen(stored: string | null): string[] {
	if (!stored) return [];
	try {
		const value: unknown = JSON.parse(stored);
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
}

export function noteVersion(
	seen: readonly string[],
	current: string
): { updated: boolean; seen: string[] } {
	return {
		updated: seen.length > 0 && !seen.includes(current),
		seen: [current, ...seen.filter((v) => v !== current)].slice(0, SEEN_LIMIT)
	};
}
