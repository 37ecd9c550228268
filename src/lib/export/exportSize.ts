/**
 * The sizes an image export comes in. `natural` is the figure at its on-screen size (the page
 * grows to fit it); the others are fixed pages, in image pixels:
 *
 * - `slide`: 1920 × 1080, a full-HD 16:9 slide;
 * - `a4`: 1654 × 2339, A4 portrait (210 × 297 mm) at 200 dpi, print resolution for a briefing
 *   printed on an office printer, at a quarter of the bytes of 300 dpi;
 * - `square`: 1080 × 1080, the square of social media posts.
 *
 * Every page is laid out in layout pixels at half its image pixels (`PRESET_SCALE`), so text set
 * at 12 layout pixels is 24 image pixels: the same type sizes as the natural export at 2×.
 */
export const EXPORT_SIZES = ['natural', 'slide', 'a4', 'square'] as const;
export type ExportSize = (typeof EXPORT_SIZES)[number];

export const PRESET_PIXELS: Record<
	Exclude<ExportSize, 'natural'>,
	{ width: number; height: number }
> = {
	slide: { width: 1920, height: 1080 },
	a4: { width: 1654, height: 2339 },
	square: { width: 1080, height: 1080 }
};

/** Image pixels per layout pixel, for every size (the natural PNG is drawn at 2× too). */
export const PRESET_SCALE = 2;

/** The page of a size in layout pixels; null for the natural size. */
export function layoutBox(size: ExportSize): { width: number; height: number } | null {
	if (size === 'natural') return null;
	const { width, height } = PRESET_PIXELS[size];
	return { width: width / PRESET_SCALE, height: height / PRESET_SCALE };
}

/** The image's size in pixels for a page of `frame` layout pixels. */
export function imagePixels(frame: { width: number; height: number }): {
	width: number;
	height: number;
} {
	return {
		width: Math.round(frame.width * PRESET_SCALE),
		height: Math.round(frame.height * PRESET_SCALE)
	};
}

/** The last word of a file's name: nothing for the natural size, so existing names stay. */
export function sizeSuffix(size: ExportSize): string[] {
	return size === 'natural' ? [] : [size === 'slide' ? '16x9' : size];
}
