import { describe, expect, it } from 'vitest';
import { quoteIdent, quoteLiteral } from './quote';

describe('quoteIdent', () => {
	it('wraps a plain name in double quotes', () => {
		expect(quoteIdent('region')).toBe('"region"');
	});
	it('doubles embedded double quotes so a header cannot close the identifier', () => {
		expect(quoteIdent('a"; DROP TABLE x; --')).toBe('"a""; DROP TABLE x; --"');
	});
	it('refuses empty names and NUL characters', () => {
		expect(() => quoteIdent('')).toThrow(/empty/);
		expect(() => quoteIdent('a\u0000b')).toThrow(/NUL/);
	});
});

describe('quoteLiteral', () => {
	it('doubles single quotes', () => {
		expect(quoteLiteral("it's")).toBe("'it''s'");
	});
});
