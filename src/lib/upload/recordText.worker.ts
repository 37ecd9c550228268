/**
 * The original text of chosen records of a kept file (the rejected rows' download), found off the
 * main thread: the file is read, decoded with the dataset's encoding and split here, and only the
 * wanted records' texts go back to the page.
 */
import { toUtf8 } from './encoding';
import { recordTexts } from './recordText';
import type { Dialect } from './types';
import { readWhole } from './wholeFile';
import { serveInWorker } from './workerServe';

export interface RecordTextRequest {
	file: Blob;
	dialect: Pick<Dialect, 'encoding' | 'delimiter' | 'quote'>;
	rows: number[];
}

export async function recordTextRequest(request: RecordTextRequest): Promise<Map<number, string>> {
	const { file, dialect, rows } = request;
	const utf8 = toUtf8(await readWhole(file), dialect.encoding);
	return recordTexts(new TextDecoder('utf-8').decode(utf8), dialect, rows);
}

serveInWorker(recordTextRequest, () => []);
