import { describe, expect, it } from 'vitest';
import { CELL_EXCERPT_CHARS, cellExcerpt } from './cellExcerpt';

describe('cellExcerpt', () => {
	it('keeps a short text whole', () => {
		expect(cellExcerpt('Dodoma')).toEqual({ text: 'Dodoma', length: 6, cut: false });
		expect(cellExcerpt('')).toEqual({ text: '', length: 0, cut: false });
		expect(cellExcerpt('x'.repeat(CELL_EXCERPT_CHARS))).toEqual({
			text: 'x'.repeat(CELL_EXCERPT_CHARS),
			length: CELL_EXCERPT_CHARS,
			cut: false
		});
	});

	it('cuts a long text to its first characters and counts the whole', () => {
		const text = 'ab'.repeat(5 * 1024 * 1024);
		const e = cellExcerpt(text, 200);
		expect(e.text).toBe('ab'.repeat(100));
		expect(e.length).toBe(10_485_760);
		expect(e.cut).toBe(true);
		expect(cellExcerpt('abcdef', 3)).toEqual({ text: 'abc', length: 6, cut: true });
	});

	it('counts characters, not UTF-16 units, and never splits a pair', () => {
		// "𝄞" (U+1D11E) is two UTF-16 units and one character.
		const text = '𝄞'.repeat(5) + 'é';
		expect(cellExcerpt(text, 3)).toEqual({ text: '𝄞𝄞𝄞', length: 6, cut: true });
		expect(cellExcerpt(text, 6)).toEqual({ text, length: 6, cut: false });
		expect(cellExcerpt('a𝄞', 1)).toEqual({ text: 'a', length: 2, cut: true });
		// A lone surrogate counts as one character.
		expect(cellExcerpt('\ud834x', 1)).toEqual({ text: '\ud834', length: 2, cut: true });
	});

	it('takes the whole length of a text the database already cut', () => {
		expect(cellExcerpt('x'.repeat(200), 200, 3_145_728)).toEqual({
			text: 'x'.repeat(200),
			length: 3_145_728,
			cut: true
		});
		// A known length no longer than the text changes nothing.
		expect(cellExcerpt('abc', 200, 3)).toEqual({ text: 'abc', length: 3, cut: false });
	});
});
