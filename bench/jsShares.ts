/** Region × area weighted shares of each item, by plain loops over parsed CSV rows of strings. */

export interface CellShares {
	region: string;
	area: string;
	/** one share per item, in the order asked; NaN when no household in the cell has a value */
	shares: number[];
}

/** `rows[0]` is the header. A blank item value means "not asked" and leaves the household out. */
export function weightedSharesByCell(
	rows: readonly string[][],
	items: readonly string[],
	columns = { region: 'region', area: 'residence', weight: 'weight' }
): CellShares[] {
	const header = rows[0] ?? [];
	const indexOf = (name: string) => {
		const at = header.indexOf(name);
		if (at < 0) throw new Error(`The CSV has no column "${name}".`);
		return at;
	};
	const region = indexOf(columns.region);
	const area = indexOf(columns.area);
	const weight = indexOf(columns.weight);
	const itemAt = items.map(indexOf);
	const k = items.length;

	// Per cell: Σ w for items 0..k-1, then Σ w·y for items 0..k-1.
	const sums = new Map<string, Float64Array>();
	for (let i = 1; i < rows.length; i++) {
		const row = rows[i] as string[];
		const key = `${row[region]}\u0000${row[area]}`;
		let cell = sums.get(key);
		if (cell === undefined) sums.set(key, (cell = new Float64Array(2 * k)));
		const w = Number(row[weight]);
		for (let j = 0; j < k; j++) {
			const value = row[itemAt[j] as number];
			if (value === '' || value === undefined) continue;
			cell[j] = (cell[j] ?? 0) + w;
			cell[k + j] = (cell[k + j] ?? 0) + w * Number(value);
		}
	}

	return [...sums.entries()]
		.map(([key, cell]) => {
			const [r, a] = key.split('\u0000') as [string, string];
			return { region: r, area: a, shares: items.map((_, j) => cell[k + j]! / cell[j]!) };
		})
		.sort((x, y) => (x.region + x.area < y.region + y.area ? -1 : 1));
}
