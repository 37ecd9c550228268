import { describe, expect, it } from 'vitest';
import { markItems, marksInFigure, marksNodes } from './marksLegend';
import { textWidth } from './svgLayout';
import { el, serializeSvg } from './svgTree';

const WORDS = {
	interval: 'Lines: 90% confidence interval, published by the source',
	notSignificant: '(ns) = not significant',
	national: 'Dashed line: national value'
};

describe('marksInFigure', () => {
	it('finds the marks a chart draws by their classes, in a fixed order', () => {
		const chart = el('g', {}, [
			el('g', { class: 'national' }, [el('line', {}), el('text', {}, ['National'])]),
			el('g', { class: 'row mark' }, [
				el('line', { class: 'bar not-significant' }),
				el('line', { class: 'ci urban-ci' })
			])
		]);
		expect(marksInFigure(chart)).toEqual(['interval', 'notSignificant', 'national']);
	});

	it('lists nothing a chart does not draw', () => {
		const bars = el('g', {}, [el('g', { class: 'row mark' }, [el('rect', { class: 'bar' })])]);
		expect(marksInFigure(bars)).toEqual([]);
		// An empty national group (no national figure) draws no line.
		expect(marksInFigure(el('g', { class: 'national' }))).toEqual([]);
	});

	it('finds "(ns)" written after a value, when told the mark', () => {
		const row = el('g', { class: 'row mark' }, [el('text', { class: 'value' }, ['+5.5 pp (ns)'])]);
		expect(marksInFigure(row)).toEqual([]);
		expect(marksInFigure(row, '(ns)')).toEqual(['notSignificant']);
	});
});

describe('markItems and marksNodes', () => {
	it('words each mark drawn, and leaves out an interval with no level', () => {
		expect(markItems(['interval', 'national'], WORDS).map((i) => i.label)).toEqual([
			WORDS.interval,
			WORDS.national
		]);
		expect(markItems(['interval'], { ...WORDS, interval: null })).toEqual([]);
	});

	it('draws a glyph and its words per mark, wrapping to a new row when the width is full', () => {
		const items = markItems(['interval', 'notSignificant', 'national'], WORDS);
		const wide = marksNodes(items, 16, 100, 2000, textWidth);
		expect(wide.height).toBe(18);
		const narrow = marksNodes(items, 16, 100, 300, textWidth);
		expect(narrow.height).toBe(3 * 18);
		const svg = narrow.nodes.map((n) => serializeSvg(n)).join('\n');
		for (const w of Object.values(WORDS)) expect(svg).toContain(`>${w}</text>`);
		expect(svg).toContain('stroke-dasharray="4 3"');
	});
});
