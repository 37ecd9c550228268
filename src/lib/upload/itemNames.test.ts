import { describe, expect, it } from 'vitest';
import { clashingNames, columnItem, itemName, keptNames, writtenItem } from './itemNames';

describe('item names', () => {
	it('keys a survey item by its column and a long-format indicator by its written name', () => {
		expect(columnItem(7)).toBe('column:7');
		expect(writtenItem('hv243a')).toBe('written:hv243a');
		// A written name that looks like a column key is still a written name.
		expect(writtenItem('column:7')).not.toBe(columnItem(7));
	});

	it('shows the person’s name, trimmed, and the default when they gave none or only spaces', () => {
		const names = { 'column:7': '  Owns a mobile phone ', 'column:8': '   ' };
		expect(itemName(names, 'column:7', 'hv243a')).toBe('Owns a mobile phone');
		expect(itemName(names, 'column:8', 'hv243b')).toBe('hv243b');
		expect(itemName(names, 'column:9', 'hv206')).toBe('hv206');
		expect(itemName(undefined, 'column:7', 'hv243a')).toBe('hv243a');
	});

	it('keeps only names that differ from the default, trimmed', () => {
		const defaults = { 'column:7': 'hv243a', 'column:8': 'hv243b', 'written:radio': 'radio' };
		expect(
			keptNames(
				{ 'column:7': ' Phone ', 'column:8': 'hv243b', 'written:radio': '', 'written:tv': 'TV' },
				defaults
			)
		).toEqual({ 'column:7': 'Phone', 'written:tv': 'TV' });
	});

	it('finds names two items share, ignoring case and spaces, naming every item after the first', () => {
		expect(
			clashingNames([
				{ key: 'a', name: 'Phone' },
				{ key: 'b', name: 'Radio' },
				{ key: 'c', name: ' phone' },
				{ key: 'd', name: 'PHONE' }
			])
		).toEqual(['c', 'd']);
		expect(clashingNames([{ key: 'a', name: 'Phone' }])).toEqual([]);
	});
});
