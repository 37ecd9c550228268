/**
 * The same file uploaded twice: an upload whose bytes hash (SHA-256, sha256.ts) to a stored
 * dataset's is named before anything is imported, so a second copy is made only on purpose.
 */

/** What the warning names of the dataset already holding these bytes. */
export interface EarlierUpload {
	id: string;
	name: string;
	fileName: string;
	/** ISO 8601, when it was uploaded. */
	createdAt: string;
}

/**
 * The stored dataset with exactly these bytes, or null. When several have them, the earliest
 * upload is named (it is the one the person first made). Hashes compare as lower-case hex.
 */
export function earlierUpload(
	sha256: string,
	datasets: readonly (EarlierUpload & { sha256: string | null })[]
): EarlierUpload | null {
	const hash = sha256.toLowerCase();
	let found: EarlierUpload | null = null;
	for (const d of datasets) {
		if (d.sha256 === null || d.sha256.toLowerCase() !== hash) continue;
		if (!found || d.createdAt < found.createdAt) {
			found = { id: d.id, name: d.name, fileName: d.fileName, createdAt: d.createdAt };
		}
	}
	return found;
}
