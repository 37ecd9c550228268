import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

/** MapLibre is large: load it only when a map is about to be drawn. */
export async function loadMaplibre() {
	const maplibregl = await import('maplibre-gl');
	// After a Vite build MapLibre cannot find its own worker; point it at ours.
	maplibregl.setWorkerUrl(workerUrl);
	return maplibregl;
}
