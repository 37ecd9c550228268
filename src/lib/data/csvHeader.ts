import Papa from 'papaparse';

/** The header row of a CSV held as bytes: only the start of the file is decoded. */
export function readCsvHeader(bytes: Uint8Array): string[] {
	const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 65536)).replace(/^\uFEFF/, '');
	const parsed = Papa.parse<string[]>(head, { preview: 1, delimiter: ',' });
	return parsed.data[0] ?? [];
}
