/**
 * The SHA-256 of a whole file, off the main thread. With Web Crypto (any https page, localhost)
 * the file is read into one buffer here and digested at once, about ten times faster than
 * JavaScript; without it (plain http on a LAN) it is hashed piece by piece as it streams. Either
 * way the page never holds the file, and the buffer goes with the worker when it ends.
 */
import { Sha256, sha256Hex } from './sha256';
import { forEachChunk, readWhole } from './wholeFile';
import { serveInWorker } from './workerServe';

export interface HashRequest {
	file: Blob;
}

/** Lower-case hex SHA-256 of the file; `streamed` forces the piece-by-piece path (tests). */
export async function hashRequest(
	request: HashRequest,
	report: (fraction: number) => void = () => {},
	streamed = !globalThis.crypto?.subtle
): Promise<string> {
	if (!streamed) return sha256Hex(await readWhole(request.file, report));
	const hash = new Sha256();
	await forEachChunk(request.file, (chunk) => hash.update(chunk), report);
	return hash.hex();
}

serveInWorker(hashRequest, () => []);
