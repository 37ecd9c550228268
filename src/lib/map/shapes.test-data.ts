/** A square region from (x, y) of side `side` degrees, near the equator (Mercator ≈ linear). */
export function square(iso: string, x: number, y: number, side: number) {
	return {
		type: 'Feature' as const,
		properties: { iso },
		geometry: {
			type: 'Polygon' as const,
			coordinates: [
				[
					[x, y],
					[x, y + side],
					[x + side, y + side],
					[x + side, y],
					[x, y]
				]
			]
		}
	};
}

export function point(iso: string, x: number, y: number) {
	return {
		type: 'Feature' as const,
		properties: { iso },
		geometry: { type: 'Point' as const, coordinates: [x, y] }
	};
}
