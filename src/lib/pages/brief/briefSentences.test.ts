import { describe, expect, it } from 'vitest';
import type { BarRow, DumbbellRow } from '$lib/charts/types';
import {
	intervalMarks,
	intervalNote,
	methodsSentences,
	type BriefContents
} from './briefSentences';

const bar = (lower: number | null, upper: number | null): BarRow =>
	({ iso: 'TZ-01', name: 'Arusha', value: 50, lower, upper, previous: null }) as BarRow;
const bell = (urbanLower: number | null): DumbbellRow =>
	({
		iso: 'TZ-01',
		name: 'Arusha',
		urban: 70,
		rural: 50,
		urbanLower,
		urbanUpper: urbanLower === null ? null : 75,
		ruralLower: null,
		ruralUpper: null
	}) as DumbbellRow;

describe('intervalMarks', () => {
	it('finds the lines a bar chart draws, and none on a chart of changes', () => {
		const withLines = {
			chart: 'bars' as const,
			barRows: [bar(null, null), bar(45, 55)],
			dumbbellRows: []
		};
		expect(intervalMarks(withLines, 'total', 0.9, 'source')).toEqual({
			of: 'values',
			level: 0.9,
			maker: 'source'
		});
		const change = { chart: 'bars' as const, barRows: [bar(null, null)], dumbbellRows: [] };
		expect(intervalMarks(change, 'change', 0.9, 'source')).toBeNull();
	});
	it("calls the lines of a chart of changes Pengo's, whatever the source", () => {
		const changes = { chart: 'bars' as const, barRows: [bar(2, 18)], dumbbellRows: [] };
		expect(intervalMarks(changes, 'change', 0.9, 'source')).toEqual({
			of: 'changes',
			level: 0.9,
			maker: 'pengo'
		});
		expect(intervalNote({ of: 'changes', level: 0.9, maker: 'pengo' }, 'en')).toBe(
			'Lines show the 90% confidence interval of each change, computed by Pengo from the intervals of the two rounds (independent samples).'
		);
		expect(intervalNote({ of: 'changes', level: 0.9, maker: 'pengo' }, 'sw')).toContain('Pengo');
	});
	it('finds the urban and rural lines of a dumbbell chart', () => {
		const rows = { chart: 'dumbbell' as const, barRows: [], dumbbellRows: [bell(65)] };
		expect(intervalMarks(rows, 'gap', 0.95, 'pengo')).toEqual({
			of: 'urban_rural',
			level: 0.95,
			maker: 'pengo'
		});
		expect(intervalMarks({ ...rows, dumbbellRows: [bell(null)] }, 'gap', 0.95, 'pengo')).toBeNull();
	});
	it('has no marks without a confidence level', () => {
		const withLines = { chart: 'bars' as const, barRows: [bar(45, 55)], dumbbellRows: [] };
		expect(intervalMarks(withLines, 'total', null, 'source')).toBeNull();
	});
});

describe('intervalNote', () => {
	it('says nothing of lines when none are drawn', () => {
		expect(intervalNote(null, 'en')).toBeNull();
		expect(intervalNote(null, 'sw')).toBeNull();
	});
	it('names the level and whose intervals they are, in English', () => {
		expect(intervalNote({ of: 'values', level: 0.9, maker: 'source' }, 'en')).toBe(
			"Lines show the 90% confidence intervals of the regions' values, as published by the source."
		);
		expect(intervalNote({ of: 'urban_rural', level: 0.95, maker: 'pengo' }, 'en')).toBe(
			"Lines show the 95% confidence intervals of the urban and the rural values, computed by Pengo from the survey's household records."
		);
	});
	it('and in Kiswahili', () => {
		expect(intervalNote({ of: 'values', level: 0.9, maker: 'source' }, 'sw')).toBe(
			'Mistari inaonyesha vipindi vya uhakika vya asilimia 90 vya thamani za mikoa, kama vilivyochapishwa na chanzo.'
		);
		expect(intervalNote({ of: 'urban_rural', level: 0.95, maker: 'pengo' }, 'sw')).toBe(
			'Mistari inaonyesha vipindi vya uhakika vya asilimia 95 vya thamani za mijini na za vijijini, vilivyokokotolewa na Pengo kutoka kumbukumbu za kaya za utafiti.'
		);
	});
});

describe('methodsSentences', () => {
	const none: BriefContents = {
		gaps: false,
		gapIntervals: false,
		changeWithoutInterval: false,
		changeWithInterval: false,
		sourceIntervals: false,
		pengoIntervals: false,
		keyFigures: false,
		regionRank: false,
		synthetic: false
	};
	it('a brief of a change view alone: no gap, no interval, change without interval', () => {
		const text = methodsSentences({ ...none, changeWithoutInterval: true, keyFigures: true }, 'en');
		expect(text.join(' ')).not.toMatch(/confidence interval|gap ±|Lines show/);
		expect(text.join(' ')).toContain('It is shown without an interval');
		expect(text.join(' ')).toContain('Gaps of different indicators are never ranked together');
	});
	it('a brief whose changes carry intervals never says they have none', () => {
		const text = methodsSentences({ ...none, changeWithInterval: true }, 'en').join(' ');
		expect(text).toContain(
			'A change between two survey rounds carries an interval computed by Pengo'
		);
		expect(text).not.toContain('without an interval');
	});
	it('a region brief: changes with their interval, never "without an interval"', () => {
		const region = {
			...none,
			gaps: true,
			gapIntervals: true,
			changeWithInterval: true,
			regionRank: true
		};
		const text = methodsSentences(region, 'en').join(' ');
		expect(text).toContain('carries an interval computed by Pengo');
		expect(text).not.toContain('without an interval');
		expect(text).toContain("A region's rank");
		const sw = methodsSentences(region, 'sw').join(' ');
		expect(sw).toContain('kipindi cha uhakika kilichokokotolewa na Pengo');
		expect(sw).not.toContain('bila kipindi');
	});
	it('names whose intervals are drawn only when some are', () => {
		expect(methodsSentences(none, 'en').join(' ')).not.toContain('interval');
		const both = methodsSentences({ ...none, sourceIntervals: true, pengoIntervals: true }, 'sw');
		expect(both.join(' ')).toContain('Vipindi vilivyochapishwa na chanzo');
		expect(both.join(' ')).toContain('Pengo hukokotoa makadirio');
	});
});
