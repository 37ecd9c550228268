import { detectEncoding } from './encoding';

/**
 * Whether the start of a file is not text at all (a spreadsheet saved as .xlsx, a zip, an image,
 * random bytes): a NUL byte outside UTF-16, or more than 1 in 200 control characters other than
 * tab, line feed, form feed and carriage return. Text exports never hold those; decoding such bytes
 * as Windows-1252 would "succeed" and offer nonsense as a table.
 */
export function looksBinary(sample: Uint8Array): boolean {
	if (sample.length === 0) return false;
	const encoding = detectEncoding(sample);
	if (encoding === 'utf-16le' || encoding === 'utf-16be') {
		// Judge UTF-16 on its characters: NULs are half of its bytes.
		const text = new TextDecoder(encoding).decode(sample);
		let odd = 0;
		for (const ch of text) {
			const c = ch.codePointAt(0)!;
			if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d)) odd++;
		}
		return odd * 200 > text.length;
	}
	let control = 0;
	for (const byte of sample) {
		if (byte === 0) return true;
		if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control++;
	}
	return control * 200 > sample.length;
}
