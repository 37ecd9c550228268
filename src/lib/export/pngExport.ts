/** PNG export: the composed SVG drawn at 2× onto a canvas; for the map, its WebGL canvas too. */
export const PNG_SCALE = 2;

function loadImage(url: string): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const image = new Image();
		image.onload = () => resolve(image);
		image.onerror = () => reject(new Error('the exported SVG could not be drawn as an image'));
		image.src = url;
	});
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))),
			'image/png'
		)
	);
}

export interface Raster {
	/** The map's canvas (MapLibre keeps its drawing buffer, so it can be read). */
	canvas: HTMLCanvasElement;
	/** Where it goes in the document, in CSS pixels. */
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Draws an SVG document of `width` × `height` CSS pixels at `PNG_SCALE`× (via an `Image` from a
 * blob URL, which the CSP's img-src allows), then any raster on top, and returns the PNG.
 */
export async function svgToPng(
	svgText: string,
	width: number,
	height: number,
	raster?: Raster
): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
	try {
		const image = await loadImage(url);
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * PNG_SCALE);
		canvas.height = Math.round(height * PNG_SCALE);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no 2D canvas for the PNG');
		ctx.scale(PNG_SCALE, PNG_SCALE);
		ctx.drawImage(image, 0, 0, width, height);
		if (raster) {
			ctx.imageSmoothingQuality = 'high';
			ctx.drawImage(raster.canvas, raster.x, raster.y, raster.width, raster.height);
		}
		return await canvasBlob(canvas);
	} finally {
		URL.revokeObjectURL(url);
	}
}
