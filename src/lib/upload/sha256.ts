/**
 * SHA-256 of an upload's original: the dataset store keeps it, step 1 names a file already stored
 * by it, and a reload compares it before rebuilding a dataset from the stored original. A whole
 * file is hashed in a worker (hashClient.ts); this module holds the arithmetic.
 */

/** Lower-case hex SHA-256 of the bytes (Web Crypto when there is one). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const subtle = globalThis.crypto?.subtle;
	// crypto.subtle is missing on plain http other than localhost (a static server on a LAN).
	if (!subtle) return sha256Portable(bytes);
	const digest = await subtle.digest('SHA-256', ownBuffer(bytes));
	return toHex(new Uint8Array(digest));
}

/** An ArrayBuffer holding exactly these bytes; digest wants a plain ArrayBuffer. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
	if (
		bytes.buffer instanceof ArrayBuffer &&
		bytes.byteOffset === 0 &&
		bytes.byteLength === bytes.buffer.byteLength
	) {
		return bytes.buffer;
	}
	return bytes.slice().buffer as ArrayBuffer;
}

function toHex(bytes: Uint8Array): string {
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** FIPS 180-4 in plain JavaScript, all at once; see Sha256 for the incremental form. */
export function sha256Portable(bytes: Uint8Array): string {
	return new Sha256().update(bytes).hex();
}

// Int32 throughout: V8 keeps 32-bit signed values unboxed, unsigned ones above 2^31 are not.
const ROUND_CONSTANTS = new Int32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);

const BLOCK = 64;

/**
 * SHA-256 fed in pieces of any length (a file read as a stream), so the whole input is never held
 * at once: `update` as often as needed, then `hex` once.
 */
export class Sha256 {
	readonly #state = new Int32Array([
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	]);
	readonly #schedule = new Int32Array(64);
	/** The start of a block that a piece ended inside, completed by the next piece. */
	readonly #pending = new Uint8Array(BLOCK);
	#pendingLength = 0;
	/** Bytes fed so far. */
	#length = 0;
	#done = false;

	update(bytes: Uint8Array): this {
		if (this.#done) throw new Error('This SHA-256 is finished: start a new one.');
		this.#length += bytes.length;
		let from = 0;
		if (this.#pendingLength > 0) {
			from = Math.min(BLOCK - this.#pendingLength, bytes.length);
			this.#pending.set(bytes.subarray(0, from), this.#pendingLength);
			this.#pendingLength += from;
			if (this.#pendingLength < BLOCK) return this;
			compress(this.#state, this.#schedule, this.#pending, 0);
			this.#pendingLength = 0;
		}
		const whole = from + Math.floor((bytes.length - from) / BLOCK) * BLOCK;
		for (let offset = from; offset < whole; offset += BLOCK) {
			compress(this.#state, this.#schedule, bytes, offset);
		}
		this.#pending.set(bytes.subarray(whole));
		this.#pendingLength = bytes.length - whole;
		return this;
	}

	/** The digest as lower-case hex; the hash takes no more input after it. */
	hex(): string {
		if (this.#done) throw new Error('This SHA-256 is finished: start a new one.');
		this.#done = true;
		// The tail, a 0x80 byte, zeros, and the message length in bits as a 64-bit big-endian number.
		const rest = this.#pendingLength;
		const tail = new Uint8Array(rest + 9 <= BLOCK ? BLOCK : 2 * BLOCK);
		tail.set(this.#pending.subarray(0, rest));
		tail[rest] = 0x80;
		const view = new DataView(tail.buffer);
		const bits = this.#length * 8;
		view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
		view.setUint32(tail.length - 4, bits >>> 0);
		for (let offset = 0; offset < tail.length; offset += BLOCK) {
			compress(this.#state, this.#schedule, tail, offset);
		}
		const out = new DataView(new ArrayBuffer(32));
		this.#state.forEach((word, i) => out.setInt32(i * 4, word));
		return toHex(new Uint8Array(out.buffer));
	}
}

function compress(state: Int32Array, w: Int32Array, data: Uint8Array, offset: number): void {
	for (let i = 0, j = offset; i < 16; i++, j += 4) {
		w[i] = (data[j]! << 24) | (data[j + 1]! << 16) | (data[j + 2]! << 8) | data[j + 3]!;
	}
	for (let i = 16; i < 64; i++) {
		const x = w[i - 15]!;
		const y = w[i - 2]!;
		const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
		const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
		w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
	}
	let a = state[0]!;
	let b = state[1]!;
	let c = state[2]!;
	let d = state[3]!;
	let e = state[4]!;
	let f = state[5]!;
	let g = state[6]!;
	let h = state[7]!;
	for (let i = 0; i < 64; i++) {
		const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
		const t1 = (h + s1 + ((e & f) ^ (~e & g)) + ROUND_CONSTANTS[i]! + w[i]!) | 0;
		const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
		const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
		h = g;
		g = f;
		f = e;
		e = (d + t1) | 0;
		d = c;
		c = b;
		b = a;
		a = (t1 + t2) | 0;
	}
	state[0] = (state[0]! + a) | 0;
	state[1] = (state[1]! + b) | 0;
	state[2] = (state[2]! + c) | 0;
	state[3] = (state[3]! + d) | 0;
	state[4] = (state[4]! + e) | 0;
	state[5] = (state[5]! + f) | 0;
	state[6] = (state[6]! + g) | 0;
	state[7] = (state[7]! + h) | 0;
}
