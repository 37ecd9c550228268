import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { messageFiles, noWords, SAME_IN_BOTH } from './kiswahili.test-data';

const root = join(import.meta.dirname, '../../..');

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const distinct = (list: string[]) => [...new Set(list)];

describe('Kiswahili UI messages', () => {
	const files = messageFiles();
	const core = files[0]!;

	it('cover the core messages (a copy of English would pass the key check alone)', () => {
		expect(Object.keys(core[1]).length).toBeGreaterThan(50);
	});

	it.each(files)('%s: every sw message differs from en unless allow-listed', (_, en, sw) => {
		const untranslated = Object.keys(en).filter(
			(key) =>
				sw[key] !== undefined &&
				sw[key] === en[key] &&
				!SAME_IN_BOTH.includes(en[key]!) &&
				!noWords(en[key]!)
		);
		expect(untranslated.map((k) => `${k}: ${en[k]}`)).toEqual([]);
	});

	it.each(files)('%s: sw uses exactly the placeholders of en', (_, en, sw) => {
		const mismatched = Object.keys(en)
			.filter((key) => sw[key] !== undefined)
			.filter(
				(key) =>
					JSON.stringify(distinct(placeholders(sw[key]!))) !==
					JSON.stringify(distinct(placeholders(en[key]!)))
			);
		expect(mismatched.map((k) => `${k}: "${en[k]}" → "${sw[k]}"`)).toEqual([]);
	});

	it('uses the agreed terms for the core words', () => {
		const sw = core[2];
		expect(sw.control_indicator).toBe('Kiashiria');
		expect(sw.measure_urban).toBe('Mijini');
		expect(sw.measure_rural).toBe('Vijijini');
		expect(sw.source_label).toBe('Chanzo');
		expect(sw.unit_pp).toBe('asilimia pointi');
		expect(sw.synthetic_badge).toMatch(/si takwimu rasmi/);
		expect(sw.app_tagline).toMatch(/pengo la kidijitali/i);
		expect(Object.values(sw).join(' ')).not.toMatch(/kidijiti\b/);
	});
});

describe('indicator definitions in Kiswahili', () => {
	const parsed = Papa.parse<Record<string, string>>(
		readFileSync(join(root, 'data/indicator-definitions.csv'), 'utf8'),
		{ header: true, skipEmptyLines: true }
	);

	it('parse cleanly with label_sw and definition_sw right after definition_en', () => {
		expect(parsed.errors).toEqual([]);
		const fields = parsed.meta.fields ?? [];
		expect(
			fields.slice(fields.indexOf('definition_en'), fields.indexOf('definition_en') + 3)
		).toEqual(['definition_en', 'label_sw', 'definition_sw']);
		expect(parsed.data).toHaveLength(24);
	});

	it('every row has a label_sw and a definition_sw, different from the English', () => {
		const bad = parsed.data.filter(
			(r) =>
				!r.label_sw?.trim() ||
				!r.definition_sw?.trim() ||
				r.label_sw.trim() === r.label_en?.trim() ||
				r.definition_sw.trim() === r.definition_en?.trim()
		);
		expect(bad.map((r) => r.indicator_id)).toEqual([]);
	});

	it('Kiswahili labels are unique, so a person can pick one from the list', () => {
		const labels = parsed.data.map((r) => r.label_sw);
		expect(new Set(labels).size).toBe(labels.length);
	});

	it('synthetic indicators say so in Kiswahili, as the English does', () => {
		for (const r of parsed.data) {
			const synthetic = /synthetic/i.test(r.label_en ?? '');
			expect(/takwimu za kubuni/.test(r.label_sw ?? ''), r.indicator_id).toBe(synthetic);
			if (/not official statistics/.test(r.definition_en ?? ''))
				expect(r.definition_sw, r.indicator_id).toMatch(/si takwimu rasmi/);
		}
	});
});
