import { MAP_PAINTED_EVENT } from '$lib/map/mapEvents';

/**
 * Whether the page's first coloured map is on screen. Work below the fold (the trend panel's
 * code and rounds) waits for it, so it never adds to the bytes before the first picture.
 */
export const firstMap = $state({ painted: false });

/** A map that cannot be drawn (its file failed) must not keep the panel away for good. */
const FALLBACK_MS = 10_000;

if (typeof window !== 'undefined') {
	const painted = () => (firstMap.painted = true);
	window.addEventListener(MAP_PAINTED_EVENT, painted, { once: true });
	setTimeout(painted, FALLBACK_MS);
}
