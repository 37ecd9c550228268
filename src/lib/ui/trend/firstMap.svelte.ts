import { MAP_PAINTED_EVENT } from '$lib/map/mapEvents';

/**
 * Whether the page's first coloured map is on screen. Work below the fold (the trend panel's
 * code and rounds) waits for it, so it never adds to the bytes before the first picture.
 */
export const firstMap = $state({ painted: false });

if (typeof window !== 'undefined') {
	window.addEventListener(MAP_PAINTED_EVENT, () => (firstMap.painted = true), { once: true });
}
