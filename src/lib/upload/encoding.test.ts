import { describe, expect, it } from 'vitest';
import { detectEncoding, encodeText, isUtf8, toUtf8, transcode } from './encoding';

const text = 'Mkoa;Thamani\nDar-es-salaam;45,3\nMtwara;€ 2 – “ok” é\n';
const utf8Decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);

describe('detectEncoding', () => {
	it('knows byte order marks', () => {
		expect(detectEncoding(encodeText(text, 'utf-8-bom'))).toBe('utf-8-bom');
		expect(detectEncoding(encodeText(text, 'utf-16le'))).toBe('utf-16le');
		expect(detectEncoding(encodeText(text, 'utf-16be'))).toBe('utf-16be');
	});
	it('finds UTF-16 without a BOM from where the NUL bytes are', () => {
		expect(detectEncoding(encodeText(text, 'utf-16le').subarray(2))).toBe('utf-16le');
		expect(detectEncoding(encodeText(text, 'utf-16be').subarray(2))).toBe('utf-16be');
	});
	it('takes valid UTF-8 as UTF-8 and anything else as Windows-1252', () => {
		expect(detectEncoding(encodeText(text, 'utf-8'))).toBe('utf-8');
		expect(detectEncoding(encodeText('plain ascii', 'utf-8'))).toBe('utf-8');
		expect(detectEncoding(encodeText(text, 'windows-1252'))).toBe('windows-1252');
	});
	it('accepts a multi-byte character cut by the end of a sample, and nothing malformed', () => {
		const bytes = encodeText('ab€', 'utf-8');
		expect(isUtf8(bytes.subarray(0, bytes.length - 1))).toBe(true);
		expect(isUtf8(new Uint8Array([0xc0, 0x80]))).toBe(false); // overlong
		expect(isUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(false); // surrogate
		expect(isUtf8(new Uint8Array([0xe2, 0x28, 0xa1]))).toBe(false);
	});
});

describe('toUtf8', () => {
	it('returns UTF-8 as a view on the same buffer, without the BOM', () => {
		const plain = encodeText(text, 'utf-8');
		expect(toUtf8(plain, 'utf-8')).toBe(plain);
		const bom = encodeText(text, 'utf-8-bom');
		const out = toUtf8(bom, 'utf-8-bom');
		expect(out.buffer).toBe(bom.buffer);
		expect(utf8Decode(out)).toBe(text);
	});
	it('transcodes UTF-16 (either byte order, with or without BOM) and Windows-1252', () => {
		for (const enc of ['utf-16le', 'utf-16be', 'windows-1252'] as const) {
			expect(utf8Decode(toUtf8(encodeText(text, enc), enc))).toBe(text);
		}
		expect(utf8Decode(toUtf8(encodeText(text, 'utf-16le').subarray(2), 'utf-16le'))).toBe(text);
	});
	it('maps every Windows-1252 byte as browsers do (0x80 is €, 0x81 stays U+0081)', () => {
		const all = Uint8Array.from({ length: 256 }, (_, i) => i);
		const decoded = utf8Decode(toUtf8(all, 'windows-1252'));
		expect([...decoded].length).toBe(256);
		expect(decoded[0x80]).toBe('€');
		expect(decoded[0x81]).toBe('\u0081');
		expect(decoded[0x9f]).toBe('Ÿ');
		expect(decoded[0xe9]).toBe('é');
	});
	it('decodes UTF-16 in chunks without breaking characters across them', () => {
		const big = 'Zanzibar 🌍 é;'.repeat(200_000);
		const bytes = encodeText(big, 'utf-16le');
		expect(bytes.length).toBeGreaterThan(2 << 20);
		expect(utf8Decode(toUtf8(bytes, 'utf-16le'))).toBe(big);
	});
});

describe('a UTF-8 file with some lines in Windows-1252', () => {
	// Line 3 was pasted from an older Windows export: é is the one byte 0xE9 there.
	const lines = ['Mkoa;Thamani', 'Dar es Salaam – Kinondoni é;1', 'Mtwara é;2', 'Lindi ô;3'];
	const bytes = new Uint8Array([
		...encodeText(`${lines[0]}\n${lines[1]}\n`, 'utf-8'),
		...encodeText(`${lines[2]}\r\n`, 'windows-1252'),
		...encodeText(`${lines[3]}\n`, 'utf-8')
	]);

	it('is detected as UTF-8, not Windows-1252', () => {
		expect(isUtf8(bytes)).toBe(false);
		expect(detectEncoding(bytes)).toBe('utf-8');
		// With no valid UTF-8 line beyond ASCII, it is Windows-1252 as before.
		expect(detectEncoding(encodeText('a;b\nMtwara é;2\n', 'windows-1252'))).toBe('windows-1252');
	});

	it('reads each line in its own encoding and says where the Windows-1252 ones start', () => {
		const out = transcode(bytes, 'utf-8');
		const text = utf8Decode(out.utf8);
		expect(text).toBe(`${lines[0]}\n${lines[1]}\n${lines[2]}\r\n${lines[3]}\n`);
		expect(out.windows1252Count).toBe(1);
		const start = new TextEncoder().encode(`${lines[0]}\n${lines[1]}\n`).length;
		expect(out.windows1252Lines).toEqual([start]);
		// A BOM goes as well; a valid file comes back as a view with nothing counted.
		const bom = transcode(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), 'utf-8-bom');
		expect(utf8Decode(bom.utf8)).toBe(text);
		expect(transcode(encodeText(text, 'utf-8'), 'utf-8').windows1252Count).toBe(0);
	});

	it('takes a sequence cut by the end of a line as not UTF-8, but not one cut by the end', () => {
		const cut = new Uint8Array([0x61, 0xc3, 0x0a, 0x62, 0xc3]);
		const out = transcode(cut, 'utf-8');
		expect(out.windows1252Count).toBe(1);
		expect(utf8Decode(out.utf8.subarray(0, 4))).toBe('aÃ\n');
		expect(isUtf8(new Uint8Array([0x61, 0xc3]), false)).toBe(false);
	});
});
