import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sequentialScale } from '$lib/charts/colourScale';
import { describe, expect, it } from 'vitest';
import { footerLines, subtitle } from './exportView';
import { model, TEXT, viewExport } from './fixtures.test-data';
import {
	composeDocument,
	composeFrame,
	legendFromScale,
	MIN_WIDTH,
	PAD,
	wrapText
} from './svgLayout';
import { el, escapeXml, serializeSvg, XML_DECLARATION, type SvgNode } from './svgTree';

describe('wrapText', () => {
	it('breaks at spaces within the width', () => {
		// 10px font → 5.6px per character → 10 characters in 56px.
		expect(wrapText('one two three four', 56, 10)).toEqual(['one two', 'three four']);
		expect(wrapText('  ', 56, 10)).toEqual([]);
	});

	it('cuts a word longer than a line', () => {
		expect(wrapText('abcdefghijklmnop xy', 56, 10)).toEqual(['abcdefghij', 'klmnop xy']);
	});

	it('never loses or reorders words', () => {
		const text =
			'Source: Tanzania DHS-MIS 2015-16 and 2022 (NBS, OCGS, ICF): women aged 15-49 who own a mobile phone, by region.';
		for (const width of [60, 200, 448, 1000]) {
			const lines = wrapText(text, width, 10);
			expect(lines.join(' ')).toBe(text);
			for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.floor(width / 5.6));
		}
	});
});

describe('composeFrame', () => {
	const frame = (footer = ['short']) =>
		composeFrame({
			title: 'Title',
			subtitle: 'Sub',
			legend: null,
			footer: footer.map((text) => ({ text })),
			content: { width: 300, height: 200 }
		});

	it('is at least the minimum width and puts the content below title and subtitle', () => {
		const f = frame();
		expect(f.width).toBe(MIN_WIDTH);
		expect(f.content).toEqual({ x: PAD, y: PAD + 23 + 2 + 16 + 10, width: 300, height: 200 });
	});

	it('grows by one footer line per wrapped line', () => {
		const long = 'word '.repeat(200).trim();
		const lines = wrapText(long, MIN_WIDTH - 2 * PAD, 10).length;
		expect(frame([long]).height - frame(['x']).height).toBe((lines - 1) * 13);
	});
});

describe('escaping', () => {
	it('writes data as text, never as markup', () => {
		expect(escapeXml(`<script>&"'`)).toBe('&lt;script&gt;&amp;&quot;&apos;');
		const svg = serializeSvg(
			el('text', { 'data-x': '"><g' }, ['</text><script>alert(1)</script>'])
		);
		expect(svg).toBe(
			'<text data-x="&quot;&gt;&lt;g">&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text>'
		);
	});

	it('refuses attribute names that are not names', () => {
		expect(() => serializeSvg(el('g', { 'onload=x y': 1 }))).toThrow(/not an SVG name/);
	});
});

/** A small bar chart as `chartToTree` turns one into a tree: a row group per region. */
function barChart(
	rows: { iso: string; name: string; value: number | null; text: string }[],
	colour: (v: number | null) => string
): SvgNode {
	const x = (v: number) => 100 + v * 2;
	return el(
		'g',
		{ class: 'bars' },
		rows.map((r, i) => {
			const y = 20 + i * 22 + 11;
			return el('g', { class: 'row mark', 'data-iso': r.iso }, [
				el(
					'text',
					{
						x: 92,
						y,
						dy: '0.32em',
						'text-anchor': 'end',
						fill: 'rgb(34, 34, 34)',
						'font-size': '12px'
					},
					[r.name]
				),
				...(r.value === null
					? []
					: [
							el('rect', {
								x: 100,
								y: y - 7,
								width: x(r.value) - 100,
								height: 14,
								fill: colour(r.value),
								stroke: 'rgb(86, 96, 107)',
								'stroke-width': '0.5px'
							})
						]),
				el(
					'text',
					{
						x: 396,
						y,
						dy: '0.32em',
						'text-anchor': 'end',
						fill: 'rgb(34, 34, 34)',
						'font-size': '12px'
					},
					[r.text]
				)
			]);
		})
	);
}

describe('golden: a bar chart document', () => {
	// UPDATE_GOLDEN=1 rewrites the file after a deliberate change of layout; review its diff.
	it('matches tests/e2e/golden/bar-chart.svg', () => {
		const view = viewExport('total', true);
		const m = model('total');
		const scale = sequentialScale(Object.values(m.values));
		const chart = barChart(
			m.barRows.map((r) => ({ iso: r.iso, name: r.name, value: r.value, text: r.valueText })),
			(v) => scale.colour(v)
		);
		const frame = composeFrame({
			title: view.title,
			subtitle: subtitle(view),
			legend: legendFromScale('Total, %, 2022', scale, (v) => `${v}%`, 'No data'),
			footer: footerLines(view, TEXT),
			content: { width: 400, height: 20 + 3 * 22 + 12 }
		});
		const svg = XML_DECLARATION + serializeSvg(composeDocument(frame, chart, view.title)) + '\n';
		expect(svg).toContain('Made with Pengo · Exported 2026-12-01');
		expect(svg).toContain('=HYPERLINK(&quot;x&quot;)');
		expect(svg.match(/class="row mark"/g)).toHaveLength(3);

		const golden = join(import.meta.dirname, '../../../tests/e2e/golden/bar-chart.svg');
		if (process.env.UPDATE_GOLDEN) {
			mkdirSync(dirname(golden), { recursive: true });
			writeFileSync(golden, svg);
		}
		expect(svg).toBe(readFileSync(golden, 'utf8'));
	});
});

describe('composeFrame on a page of fixed size', () => {
	const rows = { top: 40, rowHeight: 22, count: 31, height: 40 + 31 * 22 + 12 };
	const input = {
		title: 'Women who own a mobile phone: Total, 2022',
		subtitle: 'A definition. 2022. Tanzania, 31 regions.',
		legend: null,
		marks: [{ kind: 'interval' as const, label: 'Lines: 90% confidence interval' }],
		footer: [{ text: 'Source: a survey' }, { text: 'Made with Pengo' }],
		content: { width: 640, height: rows.height, rows },
		box: { width: 960, height: 540 }
	};

	it('is the page, with the footer at its foot and the figure in between', () => {
		const f = composeFrame(input);
		expect([f.width, f.height]).toEqual([960, 540]);
		expect(f.placement.columns).toBe(2);
		const bottom = f.content.y + f.content.height;
		const texts = f.nodes.filter((n) => n.name === 'text');
		const last = texts.at(-1)!;
		expect(last.children).toEqual(['Made with Pengo']);
		// The last footer line's baseline is within the page's bottom padding.
		expect(Number(last.attrs.y)).toBeLessThanOrEqual(540 - PAD);
		expect(Number(last.attrs.y)).toBeGreaterThan(540 - PAD - 13);
		// Nothing of the frame below the title overlaps the figure.
		for (const t of texts.slice(2)) expect(Number(t.attrs.y)).toBeGreaterThan(bottom);
	});

	it('writes the columns as clipped uses of one figure, sized in image pixels', () => {
		const f = composeFrame(input);
		const doc = serializeSvg(
			composeDocument(f, el('g', { class: 'bars' }), 'T', { width: 1920, height: 1080 })
		);
		expect(doc).toContain('width="1920" height="1080" viewBox="0 0 960 540"');
		expect(doc.match(/<use href="#figure"\/>/g)).toHaveLength(6);
		expect(doc.match(/<clipPath id="strip-\d"/g)).toHaveLength(6);
		expect(doc.match(/class="bars"/g)).toHaveLength(1);
	});
});
