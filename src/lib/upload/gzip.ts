/**
 * `.csv.gz` files: recognised by their magic bytes (1f 8b), not only by name, and unpacked with the
 * browser's own DecompressionStream, chunk by chunk off the main thread's critical path. What
 * follows (sniffing, the byte scan, DuckDB) then sees the plain file.
 */

export function isGzip(head: Uint8Array): boolean {
	return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** The file itself when it is not gzip; otherwise its unpacked content as a File named without `.gz`. */
export async function gunzipIfNeeded(file: File): Promise<File> {
	const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
	if (!isGzip(head)) return file;
	const stream = file.stream().pipeThrough(new DecompressionStream('gzip'));
	const blob = await new Response(stream).blob();
	const name = file.name.replace(/\.gz$/i, '') || 'upload.csv';
	return new File([blob], name, { type: 'text/csv' });
}
