import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/** MapLibre is large: load it only when a person zooms the map. */
export async function loadMaplibre() {
	// Its stylesheet too: the first screen's SVG map needs none of it.
	const [maplibregl] = await Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl.css')
	]);
	// After a Vite build MapLibre cannot find its own worker; point it at ours.
	maplibregl.setWorkerUrl(workerUrl);
	return maplibregl;
}
