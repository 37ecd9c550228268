import { describe, expect, it } from 'vitest';
import { applyCodeTable, asCodeTable, parseCodeTable, splitCodeLine } from './regionCodeTable';
import { codeKey, reviewRegionNames } from './regionMatch';
import { bundledRegions } from './regions.test-data';

const regions = bundledRegions;

describe('codeKey', () => {
	it.each([
		['7', '7'],
		['07', '7'],
		[' 007 ', '7'],
		['7.0', '7'],
		['0', '0'],
		['00', '0'],
		['101', '101'],
		['TZ-DOD', 'tz-dod'],
		['  Dar  Es ', 'dar es'],
		['7.5', '7.5']
	])('%j → %j', (written, key) => expect(codeKey(written)).toBe(key));
});

describe('splitCodeLine', () => {
	it('splits on the delimiter, trims, and reads quoted fields', () => {
		expect(splitCodeLine(' 1 , Dodoma ', ',')).toEqual(['1', 'Dodoma']);
		expect(splitCodeLine('"5","Zanzibar South, Central"', ',')).toEqual([
			'5',
			'Zanzibar South, Central'
		]);
		expect(splitCodeLine('9\t"Say ""Town"" West"', '\t')).toEqual(['9', 'Say "Town" West']);
		expect(splitCodeLine('3;Kilimanjaro;;', ';')).toEqual(['3', 'Kilimanjaro']);
		expect(splitCodeLine('3;Kilimanjaro;x', ';')).toEqual(['3', 'Kilimanjaro', 'x']);
	});
});

describe('parseCodeTable', () => {
	it('reads a survey’s own 1 … n with a header, in its own order', () => {
		const text = 'code,region\n1,Dar es Salaam\n2,Dodoma\n3,north unguja\n4,TZ-10\n';
		const parsed = parseCodeTable(text, regions);
		expect(parsed.problems).toEqual([]);
		expect(parsed.header).toBe(true);
		expect(parsed.entries).toEqual([
			{ code: '1', isoCode: 'TZ-02' },
			{ code: '2', isoCode: 'TZ-03' },
			{ code: '3', isoCode: 'TZ-07' },
			{ code: '4', isoCode: 'TZ-10' }
		]);
	});

	it('reads a pasted spreadsheet (tabs, CRLF, blank lines) with no header', () => {
		const parsed = parseCodeTable('\r\n0101\tArusha\r\n\r\n0102\tarusha\r\n0201\tDSM', regions);
		expect(parsed.header).toBe(false);
		expect(parsed.problems).toEqual([]);
		expect(parsed.entries.map((e) => e.isoCode)).toEqual(['TZ-01', 'TZ-01', 'TZ-02']);
	});

	it('reads a Kiswahili header and semicolons', () => {
		const parsed = parseCodeTable('msimbo;mkoa\n51;Kaskazini Unguja', regions);
		expect(parsed.header).toBe(true);
		expect(parsed.entries).toEqual([{ code: '51', isoCode: 'TZ-07' }]);
	});

	it('names each bad line by its number, and keeps the good lines', () => {
		const text = [
			'code,region', // 1
			'1,Dodoma', // 2
			'2,Dodmoa', // 3: a guess is not enough in a table
			'3', // 4: one field
			'4,Arusha,extra', // 5: three fields
			',Tanga', // 6: no code
			'', // 7: blank, skipped
			'5,Unguja', // 8: an island total
			'6,Atlantis' // 9: nothing near
		].join('\n');
		const parsed = parseCodeTable(text, regions);
		expect(parsed.entries).toEqual([{ code: '1', isoCode: 'TZ-03' }]);
		expect(parsed.problems).toEqual([
			{ kind: 'unknown-region', line: 3, value: 'Dodmoa', suggestion: 'TZ-03' },
			{ kind: 'fields', line: 4, fields: 1 },
			{ kind: 'fields', line: 5, fields: 3 },
			{ kind: 'no-code', line: 6 },
			{ kind: 'not-a-region', line: 8, value: 'Unguja' },
			{ kind: 'unknown-region', line: 9, value: 'Atlantis', suggestion: null }
		]);
	});

	it('names a code given to two regions with both, and lets a repeat of the same pass', () => {
		const text = 'code,region\n5,Morogoro\n05,Pwani\n6,Lindi\n6,lindi\n';
		const parsed = parseCodeTable(text, regions);
		expect(parsed.problems).toEqual([
			{
				kind: 'duplicate-code',
				code: '05',
				first: { line: 2, isoCode: 'TZ-16' },
				second: { line: 3, isoCode: 'TZ-19' }
			}
		]);
		expect(parsed.entries).toEqual([
			{ code: '5', isoCode: 'TZ-16' },
			{ code: '6', isoCode: 'TZ-12' }
		]);
	});

	it('says an empty text is empty, and refuses a text far too long', () => {
		expect(parseCodeTable(' \n\n', regions).problems).toEqual([{ kind: 'empty' }]);
		const long = Array.from({ length: 5002 }, (_, i) => `${i},Dodoma`).join('\n');
		expect(parseCodeTable(long, regions).problems).toEqual([{ kind: 'too-long', lines: 5002 }]);
	});
});

describe('a code table as the first matching rule', () => {
	// A survey numbering its regions 1 … in its own order: 1 is Dar es Salaam, not NBS 01 Dodoma.
	const table = applyCodeTable({
		name: 'Survey codes',
		entries: [
			{ code: '1', isoCode: 'TZ-02' },
			{ code: '2', isoCode: 'TZ-03' },
			{ code: '53', isoCode: 'TZ-01' }
		]
	});
	const review = (names: string[]) =>
		reviewRegionNames(
			names.map((name) => ({ name, rows: 1 })),
			regions,
			{},
			undefined,
			table
		);

	it('wins over NBS numbers and codes, and says so', () => {
		const [one, two, fiftyThree] = review(['01', '2', '53']);
		expect(one).toMatchObject({ status: 'matched', isoCode: 'TZ-02', via: 'codeTable' });
		expect(two).toMatchObject({ isoCode: 'TZ-03', via: 'codeTable' });
		expect(fiftyThree).toMatchObject({ isoCode: 'TZ-01', via: 'codeTable' });
	});

	it('leaves a number it lacks unmatched rather than reading it as an NBS code', () => {
		const [seven] = review(['1', '7']).slice(1);
		expect(seven).toMatchObject({ status: 'unmatched', isoCode: null, via: null });
	});

	it('lets names it lacks match by the other rules, with suggestions', () => {
		const [dodoma, typo] = review(['Dodoma', 'Kilimanajro']);
		expect(dodoma).toMatchObject({ isoCode: 'TZ-03', via: 'name' });
		expect(typo).toMatchObject({ isoCode: 'TZ-09', via: 'fuzzy' });
		expect(typo!.suggestions[0]?.isoCode).toBe('TZ-09');
	});
});

describe('asCodeTable', () => {
	const good = {
		id: 'a1',
		name: 'Survey codes',
		savedAt: '2026-12-05T08:00:00.000Z',
		entries: [{ code: '1', isoCode: 'TZ-02' }]
	};
	it('takes a stored record as it is', () => {
		expect(asCodeTable(structuredClone(good))).toEqual(good);
	});
	it('skips a record of the wrong shape', () => {
		expect(asCodeTable(null)).toBeNull();
		expect(asCodeTable({ ...good, name: 3 })).toBeNull();
		expect(asCodeTable({ ...good, entries: [{ code: 1, isoCode: 'TZ-02' }] })).toBeNull();
		expect(asCodeTable({ ...good, entries: 'x' })).toBeNull();
	});
});
