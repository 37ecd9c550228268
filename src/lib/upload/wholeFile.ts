/**
 * A whole file read in a worker (the byte scan, the hash), chunk by chunk with progress: never on
 * the page's thread, where one copy of a large file is a long task.
 */

/** Progress is posted at most this often (by fraction), so a fast read does not flood the page. */
const PROGRESS_STEP = 0.01;

/**
 * Every chunk of the file in turn, as the stream yields them; `report` gets the fraction read,
 * 0 to 1, at most every PROGRESS_STEP, and 1 at the end.
 */
export async function forEachChunk(
	file: Blob,
	use: (chunk: Uint8Array) => void,
	report: (fraction: number) => void = () => {}
): Promise<void> {
	let offset = 0;
	let reported = 0;
	const reader = file.stream().getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		use(value);
		offset += value.length;
		const fraction = file.size > 0 ? Math.min(1, offset / file.size) : 1;
		if (fraction - reported >= PROGRESS_STEP) {
			reported = fraction;
			report(fraction);
		}
	}
	if (reported < 1) report(1);
}

/**
 * Every byte of the file in one buffer, read chunk by chunk: `arrayBuffer()` would give no progress.
 * The buffer is sized from `file.size` and grown only if the stream yields more (it should not).
 */
export async function readWhole(
	file: Blob,
	report: (fraction: number) => void = () => {}
): Promise<Uint8Array> {
	let out = new Uint8Array(file.size);
	let offset = 0;
	await forEachChunk(
		file,
		(value) => {
			if (offset + value.length > out.length) {
				const grown = new Uint8Array(Math.max(out.length * 2, offset + value.length));
				grown.set(out.subarray(0, offset));
				out = grown;
			}
			out.set(value, offset);
			offset += value.length;
		},
		report
	);
	return offset === out.length ? out : out.subarray(0, offset);
}
