import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashRequest } from './hash.worker';
import { hashFile } from './hashClient';
import { Sha256, sha256Hex, sha256Portable } from './sha256';

const bytesOf = (text: string) => new TextEncoder().encode(text);
const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const random = (length: number) => new Uint8Array(randomBytes(length));

/** A Blob that streams in the given chunk sizes, as a browser's File streams in 64 KiB pieces. */
function chunkedBlob(bytes: Uint8Array, sizes: number[]): Blob {
	return {
		size: bytes.length,
		stream: () => {
			let at = 0;
			let i = 0;
			return new ReadableStream<Uint8Array>({
				pull(controller) {
					if (at >= bytes.length) return controller.close();
					const size = sizes[i++ % sizes.length]!;
					controller.enqueue(bytes.slice(at, at + size));
					at += size;
				}
			});
		}
	} as unknown as Blob;
}

describe('sha256Hex', () => {
	it('gives the FIPS 180-2 test vectors', async () => {
		expect(await sha256Hex(new Uint8Array())).toBe(
			'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		);
		expect(await sha256Hex(bytesOf('abc'))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		expect(
			sha256Portable(bytesOf('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))
		).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
	});

	it('hashes a view into a larger buffer by its own bytes only', async () => {
		const whole = bytesOf('xxabcxx');
		expect(await sha256Hex(whole.subarray(2, 5))).toBe(await sha256Hex(bytesOf('abc')));
		expect(sha256Portable(whole.subarray(2, 5))).toBe(nodeSha256(bytesOf('abc')));
	});

	it('the portable form agrees with node:crypto on every padding case and a large input', () => {
		for (let length = 0; length <= 200; length++) {
			const input = random(length);
			expect(sha256Portable(input)).toBe(nodeSha256(input));
		}
		const large = random(3_000_017);
		expect(sha256Portable(large)).toBe(nodeSha256(large));
	});
});

describe('Sha256, fed in pieces', () => {
	it('agrees with node:crypto however random inputs are cut, across block boundaries', () => {
		for (let trial = 0; trial < 200; trial++) {
			const input = random(Math.floor(Math.random() * 700));
			const hash = new Sha256();
			let at = 0;
			while (at < input.length) {
				// Pieces of 0 to 130 bytes: empty ones, ones inside a block, ones spanning two.
				const size = Math.floor(Math.random() * 131);
				hash.update(input.subarray(at, at + size));
				at += size;
			}
			expect(hash.hex(), `trial ${trial}, ${input.length} bytes`).toBe(nodeSha256(input));
		}
	});

	it('gives the same digest for pieces that end exactly on, one before and one after a block', () => {
		const input = random(64 * 5 + 3);
		for (const cut of [1, 55, 56, 63, 64, 65, 127, 128, 129]) {
			const hash = new Sha256();
			for (let at = 0; at < input.length; at += cut) hash.update(input.subarray(at, at + cut));
			expect(hash.hex(), `pieces of ${cut}`).toBe(nodeSha256(input));
		}
	});

	it('takes no input after its digest', () => {
		const hash = new Sha256().update(bytesOf('abc'));
		hash.hex();
		expect(() => hash.update(bytesOf('d'))).toThrow(/finished/);
		expect(() => hash.hex()).toThrow(/finished/);
	});
});

describe('hashing a file in the worker', () => {
	const input = random(1_000_003);
	const file = chunkedBlob(input, [65_536, 1, 100_000, 7]);

	it.each([
		['with Web Crypto, one buffer', false],
		['without it, piece by piece', true]
	])('%s: the digest of the whole file, with progress up to 1', async (_, streamed) => {
		const progress: number[] = [];
		expect(await hashRequest({ file }, (p) => progress.push(p), streamed)).toBe(nodeSha256(input));
		expect(progress.length).toBeGreaterThan(3);
		expect(progress).toEqual([...progress].sort((a, b) => a - b));
		expect(progress.at(-1)).toBe(1);
	});

	it('hashFile runs the worker code here where there are no workers', async () => {
		expect(await hashFile(new Blob([bytesOf('abc')]))).toBe(nodeSha256(bytesOf('abc')));
		const abort = new AbortController();
		abort.abort();
		await expect(hashFile(file, { signal: abort.signal })).rejects.toMatchObject({
			name: 'AbortError'
		});
	});
});
