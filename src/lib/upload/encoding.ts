/**
 * Which character encoding a file's bytes are in, and the same text as UTF-8 bytes without a BOM,
 * which is what DuckDB's read_csv expects. Nothing here turns a whole file into one JS string: UTF-8
 * passes through as a view on the same buffer, UTF-16 is decoded chunk by chunk, and Windows-1252 is
 * mapped byte by byte. A UTF-8 file with some lines in Windows-1252 (rows pasted from an older
 * export) is read line by line: UTF-8 where a line is valid, Windows-1252 where it is not, and
 * those lines are counted so the person can be told which rows to check.
 */
import type { Encoding } from './types';

/** How many leading bytes are examined for the NUL pattern of BOM-less UTF-16. */
const UTF16_PROBE_BYTES = 4096;
/** Chunk size for UTF-16 decoding: small enough that no chunk becomes a giant string. */
const DECODE_CHUNK_BYTES = 1 << 20;

export function detectEncoding(bytes: Uint8Array): Encoding {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	const utf16 = utf16ByNulPattern(bytes);
	if (utf16) return utf16;
	return isUtf8(bytes) || hasUtf8Line(bytes) ? 'utf-8' : 'windows-1252';
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Whether some line with non-ASCII bytes is valid UTF-8: then the file is UTF-8 with some lines that
 * are not (read as Windows-1252 by toUtf8). Windows-1252 text practically never forms valid UTF-8:
 * every accented letter would have to be followed by the right punctuation bytes.
 */
function hasUtf8Line(bytes: Uint8Array): boolean {
	let found = false;
	forEachLine(bytes, (start, end) => {
		let ascii = true;
		for (let i = start; i < end && ascii; i++) ascii = bytes[i]! < 0x80;
		found = !ascii && isUtf8(bytes.subarray(start, end), end === bytes.length);
		return !found;
	});
	return found;
}

/** Calls `line(start, end)` for every line [start, end) between CR or LF bytes, until it says false. */
function forEachLine(bytes: Uint8Array, line: (start: number, end: number) => boolean): void {
	let start = 0;
	const n = bytes.length;
	for (let i = 0; i <= n; i++) {
		if (i < n && bytes[i] !== LF && bytes[i] !== CR) continue;
		if (i > start && !line(start, i)) return;
		start = i + 1;
	}
}

/**
 * Text of Latin-script CSVs written as UTF-16 without a BOM has a NUL in every other byte: at odd
 * offsets for little-endian, at even ones for big-endian. Single-byte encodings practically never
 * contain NULs, so a clear majority on one side is decisive.
 */
function utf16ByNulPattern(bytes: Uint8Array): Encoding | null {
	const n = Math.min(bytes.length, UTF16_PROBE_BYTES) & ~1;
	if (n < 2) return null;
	let evenNuls = 0;
	let oddNuls = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenNuls++;
		if (bytes[i + 1] === 0) oddNuls++;
	}
	const pairs = n / 2;
	if (oddNuls >= pairs * 0.3 && evenNuls <= oddNuls * 0.1) return 'utf-16le';
	if (evenNuls >= pairs * 0.3 && oddNuls <= evenNuls * 0.1) return 'utf-16be';
	return null;
}

/**
 * Well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). A sequence cut off by the
 * end of the buffer is accepted unless `cutEnd` is false: the buffer is often the first 2 MB of a
 * larger file.
 */
export function isUtf8(bytes: Uint8Array, cutEnd = true): boolean {
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let lo = 0x80;
		let hi = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) need = 1;
		else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			if (b === 0xe0) lo = 0xa0;
			if (b === 0xed) hi = 0x9f;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			if (b === 0xf0) lo = 0x90;
			if (b === 0xf4) hi = 0x8f;
		} else return false;
		for (let k = 1; k <= need; k++) {
			if (i + k >= n) return cutEnd;
			const c = bytes[i + k]!;
			if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return false;
		}
		i += need + 1;
	}
	return true;
}

/** The text as UTF-8 without a byte order mark. UTF-8 input is returned as a view, not copied. */
export function toUtf8(bytes: Uint8Array, encoding: Encoding): Uint8Array {
	return transcode(bytes, encoding).utf8;
}

/** Lines read as Windows-1252 whose start is remembered; a file with more is counted. */
const MAX_NAMED_LINES = 1000;

export interface Transcoded {
	/** The text as UTF-8 without a byte order mark. */
	utf8: Uint8Array;
	/**
	 * Where each line of a UTF-8 file that was not valid UTF-8, and was read as Windows-1252,
	 * starts in `utf8` (the first 1,000, in order).
	 */
	windows1252Lines: number[];
	/** How many lines were read as Windows-1252. */
	windows1252Count: number;
}

/** toUtf8, with the lines of a UTF-8 file that had to be read as Windows-1252. */
export function transcode(bytes: Uint8Array, encoding: Encoding): Transcoded {
	const plain = (utf8: Uint8Array): Transcoded => ({
		utf8,
		windows1252Lines: [],
		windows1252Count: 0
	});
	switch (encoding) {
		case 'utf-8':
		case 'utf-8-bom': {
			// A BOM is dropped whichever UTF-8 variant was chosen: DuckDB would read it as text.
			const text =
				bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
			return isUtf8(text) ? plain(text) : utf8ByLine(text);
		}
		case 'windows-1252':
			return plain(windows1252ToUtf8(bytes));
		case 'utf-16le':
		case 'utf-16be':
			return plain(utf16ToUtf8(bytes, encoding));
	}
}

/**
 * UTF-8 bytes with some lines that are not valid UTF-8: those lines are read as Windows-1252, the
 * rest is kept as it is (copied in runs between the converted lines).
 */
function utf8ByLine(bytes: Uint8Array): Transcoded {
	const parts: Uint8Array[] = [];
	const windows1252Lines: number[] = [];
	let windows1252Count = 0;
	let total = 0;
	let kept = 0;
	forEachLine(bytes, (start, end) => {
		if (isUtf8(bytes.subarray(start, end), end === bytes.length)) return true;
		const run = bytes.subarray(kept, start);
		const line = windows1252ToUtf8(bytes.subarray(start, end));
		parts.push(run, line);
		total += run.length;
		if (windows1252Lines.length < MAX_NAMED_LINES) windows1252Lines.push(total);
		windows1252Count++;
		total += line.length;
		kept = end;
		return true;
	});
	const rest = bytes.subarray(kept);
	parts.push(rest);
	return { utf8: concat(parts, total + rest.length), windows1252Lines, windows1252Count };
}

function utf16ToUtf8(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Uint8Array {
	// The decoder drops a leading BOM itself (ignoreBOM defaults to false).
	const decoder = new TextDecoder(encoding);
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	let total = 0;
	for (let start = 0; start < bytes.length; start += DECODE_CHUNK_BYTES) {
		const end = Math.min(start + DECODE_CHUNK_BYTES, bytes.length);
		const text = decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length });
		const part = encoder.encode(text);
		parts.push(part);
		total += part.length;
	}
	return concat(parts, total);
}

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F. The five bytes it leaves undefined map to the
 * C1 control of the same number, as the WHATWG Encoding Standard (and so every browser) does.
 * Mapped here rather than with TextDecoder because Node's decoder treats the label as Latin-1.
 */
const CP1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
	0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
	0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];

export function windows1252CodePoint(byte: number): number {
	return byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte;
}

function windows1252ToUtf8(bytes: Uint8Array): Uint8Array {
	let size = 0;
	for (let i = 0; i < bytes.length; i++) {
		const cp = windows1252CodePoint(bytes[i]!);
		size += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
	}
	const out = new Uint8Array(size);
	let o = 0;
	for (let i = 0; i < bytes.length; i++) {
		const cp = windows1252CodePoint(bytes[i]!);
		if (cp < 0x80) out[o++] = cp;
		else if (cp < 0x800) {
			out[o++] = 0xc0 | (cp >> 6);
			out[o++] = 0x80 | (cp & 0x3f);
		} else {
			out[o++] = 0xe0 | (cp >> 12);
			out[o++] = 0x80 | ((cp >> 6) & 0x3f);
			out[o++] = 0x80 | (cp & 0x3f);
		}
	}
	return out;
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
	if (parts.length === 1) return parts[0]!;
	const out = new Uint8Array(total);
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

/** Encodes text in an encoding, for tests and for writing fixtures (Windows-1252: representable text only). */
export function encodeText(text: string, encoding: Encoding): Uint8Array {
	const utf8 = new TextEncoder().encode(text);
	switch (encoding) {
		case 'utf-8':
			return utf8;
		case 'utf-8-bom':
			return concat([new Uint8Array([0xef, 0xbb, 0xbf]), utf8], utf8.length + 3);
		case 'utf-16le':
		case 'utf-16be': {
			const out = new Uint8Array(2 + text.length * 2);
			const le = encoding === 'utf-16le';
			out[0] = le ? 0xff : 0xfe;
			out[1] = le ? 0xfe : 0xff;
			for (let i = 0; i < text.length; i++) {
				const unit = text.charCodeAt(i);
				out[2 + 2 * i + (le ? 0 : 1)] = unit & 0xff;
				out[2 + 2 * i + (le ? 1 : 0)] = unit >> 8;
			}
			return out;
		}
		case 'windows-1252': {
			const reverse = new Map<number, number>();
			for (let b = 0; b < 256; b++) reverse.set(windows1252CodePoint(b), b);
			const chars = [...text];
			const out = new Uint8Array(chars.length);
			chars.forEach((ch, i) => {
				const byte = reverse.get(ch.codePointAt(0)!);
				if (byte === undefined) throw new Error(`${ch} cannot be written in Windows-1252`);
				out[i] = byte;
			});
			return out;
		}
	}
}
