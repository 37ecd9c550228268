// What `npm run bench:load` and `npm run budgets` run inside the page (page.addInitScript, before
// the app): the moments the explorer first shows a coloured map and its ranked chart, and how long
// a change of indicator, measure or year takes to reach both. Serialised into the page, so this
// function must not use anything from its module.
//
// The map: as it opens, an SVG drawing; its fills are read from the DOM on every mutation (a
// change of fills is a frame). After a zoom, MapLibre's: its WebGL draw calls are wrapped. When a task that drew has finished, the canvas
// is snapshotted (createImageBitmap, a few ms of main-thread time) and a worker reads its pixels;
// reading them on the main thread (readPixels, or a pixel-pack buffer) blocks 13–100 ms on the
// GPU process per frame here and would slow what it measures. A frame is coloured when at least
// one chromatic colour (max − min channel ≥ 24 of 255) covers ≥ 0.5% of a 4-pixel grid: the
// background (#eef3f7), "no data" grey and its hatching, white borders and labels are all grey.
// Its time is the end of the task that drew it, so the resolution is the frame; it reaches the
// screen with the next compositor frame.
//
// The chart: a MutationObserver notes when the section headed "… by region …" holds its rows
// (role=button inside its role=group SVG), as tests/e2e/fixtures.ts `chartRows` finds them.

export function loadProbe() {
	const MIN_SHARE = 0.005;
	const MIN_CHROMA = 24;
	const GRID = 4;
	const QUIET_MS = 500;
	const REGIONS = 31;

	const probe = {
		mapAt: null,
		chartAt: null,
		/** Every map frame judged: when it was drawn, and its fill colours with their sample counts. */
		frames: [],
		map: { snapshots: 0, costMs: 0, error: null },
		change: null,
		/** Resolves once the coloured map and the full chart have both been seen. */
		shown(timeoutMs) {
			return waitFor(() => probe.mapAt !== null && probe.chartAt !== null, timeoutMs);
		},
		/**
		 * Waits for the map to stop drawing (fades, the last change), then remembers the chart as it
		 * is and where the frames stand; the next click or change event starts the clock.
		 */
		async arm() {
			await waitFor(mapQuiet, 10_000, QUIET_MS).catch(() => {});
			probe.change = { chartBefore: chartSignature(), firstFrame: probe.frames.length };
			probe.change.startAt = probe.change.chartAt = null;
		},
		/** Resolves once the chart shows other rows and the map has stopped drawing. */
		changed(timeoutMs) {
			return waitFor(() => probe.change?.chartAt != null && mapQuiet(), timeoutMs, QUIET_MS);
		}
	};
	Object.defineProperty(window, '__pengoLoad', { value: probe });

	const watchers = new Set();
	function waitFor(test, timeoutMs, pollMs = 0) {
		return new Promise((resolve, reject) => {
			if (test()) return resolve(true);
			const poll = pollMs > 0 ? setInterval(() => watcher(), pollMs) : undefined;
			const watcher = () => {
				if (!test()) return;
				watchers.delete(watcher);
				clearTimeout(timer);
				clearInterval(poll);
				resolve(true);
			};
			const timer = setTimeout(() => {
				watchers.delete(watcher);
				clearInterval(poll);
				reject(new Error(`not seen within ${timeoutMs} ms`));
			}, timeoutMs);
			watchers.add(watcher);
		});
	}
	const notify = () => watchers.forEach((w) => w());

	for (const type of ['change', 'click']) {
		document.addEventListener(
			type,
			(event) => {
				if (probe.change && probe.change.startAt === null) probe.change.startAt = event.timeStamp;
			},
			true
		);
	}

	function chartRows() {
		for (const section of document.querySelectorAll('section[aria-labelledby]')) {
			const heading = document.getElementById(section.getAttribute('aria-labelledby') ?? '');
			if (heading && /by region/i.test(heading.textContent ?? '')) {
				return section.querySelectorAll('[role="group"] [role="button"]');
			}
		}
		return [];
	}
	function chartSignature() {
		return Array.from(chartRows(), (row) => row.getAttribute('aria-label')).join('\n');
	}
	// Unless a person zoomed (then MapLibre draws it), the map frame holds an SVG drawing of the
	// regions in their colours (src/lib/map/RegionMap.svelte): coloured as soon as one region's
	// fill is chromatic. Each change of its fills is a frame, as a canvas frame would be.
	const svgFills = () =>
		Array.from(
			document.querySelectorAll('[role="application"] svg path[data-iso][fill^="#"]'),
			(p) => p.getAttribute('fill')
		);
	function svgMapColoured() {
		for (const fill of svgFills()) {
			const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill ?? '');
			if (!m) continue;
			const rgb = m.slice(1).map((h) => parseInt(h, 16));
			if (Math.max(...rgb) - Math.min(...rgb) >= MIN_CHROMA) return true;
		}
		return false;
	}
	let lastSvgSignature = '';
	new MutationObserver(() => {
		const now = performance.now();
		const rows = chartRows();
		if (probe.chartAt === null && rows.length === REGIONS) probe.chartAt = now;
		if (probe.mapAt === null && svgMapColoured()) {
			probe.mapAt = now;
			probe.mapBy = 'svg';
		}
		const svgSignature = svgMapColoured() ? svgFills().join(' ') : '';
		if (svgSignature !== lastSvgSignature) {
			lastSvgSignature = svgSignature;
			if (svgSignature !== '') probe.frames.push({ at: now, signature: svgSignature });
		}
		const change = probe.change;
		if (change && change.startAt !== null && change.chartAt === null && rows.length > 0) {
			if (chartSignature() !== change.chartBefore) change.chartAt = now;
		}
		notify();
	}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });

	// ---- the map's pixels ---------------------------------------------------------------------
	let judge = null;
	let waiting = 0;
	let pending = null;
	let lastSnapshotAt = 0;
	const mapQuiet = () => waiting === 0 && performance.now() - lastSnapshotAt > QUIET_MS;

	function snapshot(canvas) {
		const started = performance.now();
		lastSnapshotAt = started;
		judge ??= startJudge();
		const at = started;
		waiting++;
		createImageBitmap(canvas).then(
			(bitmap) => judge.postMessage({ bitmap, at }, [bitmap]),
			() => waiting--
		);
		probe.map.snapshots++;
		probe.map.costMs += performance.now() - started;
	}

	for (const name of ['drawArrays', 'drawElements']) {
		const draw = WebGL2RenderingContext.prototype[name];
		WebGL2RenderingContext.prototype[name] = function (...args) {
			const result = draw.apply(this, args);
			if (pending === null) {
				pending = this.canvas;
				// After the whole render callback: the frame as it will be shown.
				queueMicrotask(() => {
					const canvas = pending;
					pending = null;
					snapshot(canvas);
				});
			}
			return result;
		};
	}

	function startJudge() {
		const source = `const MIN_SHARE = ${MIN_SHARE}, MIN_CHROMA = ${MIN_CHROMA}, GRID = ${GRID};
			onmessage = ({ data }) => postMessage({ at: data.at, ...(${judgeFrame})(data.bitmap) });`;
		const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
		const worker = new Worker(url);
		worker.onmessage = ({ data }) => {
			waiting--;
			probe.frames.push(data);
			if (probe.mapAt === null && data.signature !== '') probe.mapAt = data.at;
			notify();
		};
		worker.onerror = (event) => (probe.map.error = event.message || 'the pixel worker failed');
		return worker;
	}

	/** Runs in the worker: the fill colours of one frame, sampled on a grid. */
	function judgeFrame(bitmap) {
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d', { willReadFrequently: true });
		context.drawImage(bitmap, 0, 0);
		bitmap.close();
		const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
		const tally = new Map();
		let samples = 0;
		for (let y = GRID >> 1; y < height; y += GRID) {
			for (let x = GRID >> 1; x < width; x += GRID) {
				const i = (y * width + x) * 4;
				const r = data[i];
				const g = data[i + 1];
				const b = data[i + 2];
				samples++;
				if (Math.max(r, g, b) - Math.min(r, g, b) < MIN_CHROMA) continue;
				const colour = (r << 16) | (g << 8) | b;
				tally.set(colour, (tally.get(colour) ?? 0) + 1);
			}
		}
		const fills = [...tally]
			.filter(([, n]) => n >= samples * MIN_SHARE)
			.sort((a, b) => a[0] - b[0]);
		const signature = fills.map(([c, n]) => `#${c.toString(16).padStart(6, '0')}:${n}`).join(' ');
		return { signature };
	}
}
