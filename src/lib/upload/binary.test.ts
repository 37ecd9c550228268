import { describe, expect, it } from 'vitest';
import { looksBinary } from './binary';
import { encodeText } from './encoding';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('looksBinary', () => {
	it('takes CSV text in every supported encoding as text', () => {
		const text = 'mkoa;thamani\r\nDodoma;45,3\n\tTanga;€ 12\f\n';
		expect(looksBinary(bytes(text))).toBe(false);
		for (const encoding of ['utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const) {
			expect(looksBinary(encodeText(text, encoding)), encoding).toBe(false);
		}
		expect(looksBinary(new Uint8Array())).toBe(false);
	});

	it('refuses a zip or xlsx header, a NUL byte, and random bytes', () => {
		expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toBe(
			true
		);
		expect(looksBinary(bytes('region,value\nDodoma,4\u00005\n'))).toBe(true);
		let seed = 7;
		const noise = Uint8Array.from({ length: 4096 }, () => {
			seed = (seed * 1103515245 + 12345) % 2147483648;
			return seed % 256;
		});
		expect(looksBinary(noise)).toBe(true);
	});

	it('tolerates a stray control character in a long text', () => {
		const text = `a,b\n${'Dodoma,45\n'.repeat(100)}\u0007x,1\n`;
		expect(looksBinary(bytes(text))).toBe(false);
	});
});
