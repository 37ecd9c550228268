import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordScanner, scanRecords } from './recordScan';

const enc = new TextEncoder();
const dialect = { delimiter: ',', quote: '"' } as const;

/** The scan of `bytes` fed in pieces cut at `cuts` (offsets, any order, repeats allowed). */
function scanInPieces(bytes: Uint8Array, cuts: number[]) {
	const scanner = recordScanner(dialect);
	let from = 0;
	for (const cut of [...cuts].sort((a, b) => a - b)) {
		scanner.feed(bytes.subarray(from, cut));
		from = cut;
	}
	scanner.feed(bytes.subarray(from));
	return scanner.finish();
}

describe('recordScanner: a file fed in pieces', () => {
	it('gives the whole-file scan when a piece ends between CR and LF, or between two quotes', () => {
		const text = enc.encode('a,b\r\n"x""y",2\r\n"q"\r"r" ,3\n');
		const whole = scanRecords(text, dialect);
		expect(whole.lineEnds).toEqual({ lf: 1, crlf: 2, cr: 1 });
		for (let cut = 0; cut <= text.length; cut++) {
			expect(scanInPieces(text, [cut]), `cut at ${cut}`).toEqual(whole);
		}
	});

	it('a CR or a doubled quote at the very end of the last piece', () => {
		expect(scanInPieces(enc.encode('a\r'), [1]).lineEnds).toEqual({ lf: 0, crlf: 0, cr: 1 });
		const open = scanInPieces(enc.encode('"a""'), [3]);
		expect(open.unterminatedQuoteRow).toBe(1);
		expect(scanInPieces(enc.encode('"a"'), [2])).toEqual(scanRecords(enc.encode('"a"'), dialect));
	});

	it('equals the whole-file scan for random files cut anywhere', () => {
		const pieces = ['a', 'bb', ',', '"', '""', ' ', '\n', '\r\n', '\r', 'ü', '"x"', ' "y" '];
		const files = fc
			.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 60 })
			.map((parts) => enc.encode(parts.join('')));
		fc.assert(
			fc.property(
				files.chain((bytes) =>
					fc.tuple(
						fc.constant(bytes),
						fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 8 })
					)
				),
				([bytes, cuts]) => {
					expect(scanInPieces(bytes, cuts)).toEqual(scanRecords(bytes, dialect));
				}
			),
			{ numRuns: 500 }
		);
	});

	it('refuses a piece after the end', () => {
		const scanner = recordScanner(dialect);
		scanner.feed(enc.encode('a\n'));
		scanner.finish();
		expect(() => scanner.feed(enc.encode('b\n'))).toThrow();
	});
});
