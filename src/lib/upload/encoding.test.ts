import { describe, expect, it } from 'vitest';
import { detectEncoding, encodeText, isUtf8, toUtf8 } from './encoding';

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
