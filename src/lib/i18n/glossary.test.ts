import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { messageFiles } from './kiswahili.test-data';

/**
 * One Kiswahili term per concept (messages/glossary.json): no competing name anywhere in the
 * Kiswahili text, and the term wherever the English message names the concept.
 */

const root = join(import.meta.dirname, '../../..');

type Forbidden = string | { text: string; keys?: string; except?: string[] };

interface Term {
	id: string;
	en: string;
	sw: string;
	forms: string[];
	forbidden: Forbidden[];
	why: string;
	notRequired: Record<string, string>;
}

const glossary = JSON.parse(readFileSync(join(root, 'messages/glossary.json'), 'utf8')) as {
	terms: Term[];
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A forbidden phrase as whole words; a leading or trailing * lets the word run on. */
function phrasePattern(phrase: string): RegExp {
	const start = phrase.startsWith('*') ? '' : '(?<![\\p{L}\\p{N}])';
	const end = phrase.endsWith('*') ? '' : '(?![\\p{L}\\p{N}])';
	const body = escape(phrase.replace(/^\*|\*$/g, '')).replace(/ /g, '\\s+');
	return new RegExp(`${start}${body}${end}`, 'iu');
}

const asRule = (f: Forbidden) => (typeof f === 'string' ? { text: f } : f);

/** Placeholders are names in code ({column}, {region}), not words of the message. */
const words = (text: string) => text.replace(/\{\w+\}/g, ' ');

/** Every Kiswahili text, as [where, key, sw, en]: the messages and the data files' sw columns. */
function kiswahiliTexts(): [string, string, string, string | undefined][] {
	const out: [string, string, string, string | undefined][] = [];
	for (const [file, en, sw] of messageFiles())
		for (const [key, text] of Object.entries(sw))
			out.push([file.replace('{locale}', 'sw'), key, text, en[key]]);
	const csv = (file: string, id: string, pairs: [string, string][]) => {
		const rows = Papa.parse<Record<string, string>>(readFileSync(join(root, file), 'utf8'), {
			header: true,
			skipEmptyLines: true
		}).data;
		for (const row of rows)
			for (const [swColumn, enColumn] of pairs)
				if (row[swColumn]?.trim())
					out.push([file, `${row[id]}.${swColumn}`, row[swColumn], row[enColumn]]);
	};
	csv('data/indicator-definitions.csv', 'indicator_id', [
		['label_sw', 'label_en'],
		['definition_sw', 'definition_en']
	]);
	csv('data/sources.csv', 'source_id', [
		['title_sw', 'title'],
		['licence_sw', 'licence']
	]);
	return out;
}

const texts = kiswahiliTexts();
const messages = texts.filter(([where]) => where.startsWith('messages/'));

describe('the Kiswahili glossary (messages/glossary.json)', () => {
	it('has one entry per concept, each with its term, forms and reasons', () => {
		const ids = glossary.terms.map((t) => t.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const t of glossary.terms) {
			expect(t.sw.trim(), t.id).not.toBe('');
			expect(t.forms.length, t.id).toBeGreaterThan(0);
			expect(t.why.trim(), t.id).not.toBe('');
			expect(() => new RegExp(t.en, 'iu'), t.id).not.toThrow();
		}
	});

	it('never forbids its own terms or their grammatical forms', () => {
		const clashes = glossary.terms.flatMap((own) =>
			glossary.terms.flatMap((t) =>
				t.forbidden
					.map(asRule)
					.flatMap(({ text }) =>
						[own.sw, ...own.forms]
							.filter((form) => phrasePattern(text).test(form))
							.map((form) => `${t.id} forbids "${text}", which matches ${own.id}'s "${form}"`)
					)
			)
		);
		expect(clashes).toEqual([]);
	});

	it('reads the Kiswahili messages and data columns it checks', () => {
		expect(messages.length).toBeGreaterThan(500);
		expect(texts.some(([where]) => where === 'data/sources.csv')).toBe(true);
	});

	it('no Kiswahili text uses a forbidden variant', () => {
		const found: string[] = [];
		for (const [where, key, text] of texts) {
			for (const term of glossary.terms) {
				for (const rule of term.forbidden.map(asRule)) {
					if (rule.keys && !new RegExp(rule.keys).test(key)) continue;
					let checked = text;
					for (const allowed of rule.except ?? []) checked = checked.split(allowed).join(' ');
					if (phrasePattern(rule.text).test(checked))
						found.push(`${where} ${key}: "${rule.text}" (use "${term.sw}" for ${term.id})`);
				}
			}
		}
		expect(found).toEqual([]);
	});

	it('a Kiswahili message uses the term wherever its English names the concept', () => {
		const missing: string[] = [];
		for (const term of glossary.terms) {
			const en = new RegExp(term.en, 'iu');
			for (const [where, key, sw, english] of messages) {
				if (english === undefined || !en.test(words(english))) continue;
				if (key in term.notRequired) continue;
				const lower = sw.toLowerCase();
				if (!term.forms.some((form) => lower.includes(form.toLowerCase())))
					missing.push(`${where} ${key}: "${term.sw}" (${term.id}) for: ${english}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('lists no exception that is not needed', () => {
		const all = new Map(messages.map(([, key, sw, en]) => [key, { sw, en }]));
		const stale = glossary.terms.flatMap((term) =>
			Object.entries(term.notRequired)
				.filter(([key, reason]) => {
					const m = all.get(key);
					if (!m || !reason.trim() || m.en === undefined) return true;
					if (!new RegExp(term.en, 'iu').test(words(m.en))) return true;
					const lower = m.sw.toLowerCase();
					return term.forms.some((form) => lower.includes(form.toLowerCase()));
				})
				.map(([key]) => `${term.id}: ${key}`)
		);
		expect(stale).toEqual([]);
	});

	it('keeps the core terms on the labels every view shows', () => {
		const sw = new Map(messages.map(([, key, text]) => [key, text]));
		expect(sw.get('unit_pp')).toBe('asilimia pointi');
		expect(sw.get('measure_urban')).toBe('Mijini');
		expect(sw.get('measure_rural')).toBe('Vijijini');
		expect(sw.get('table_interval')).toBe('kipindi cha uhakika');
		expect(sw.get('brief_nav')).toBe('Muhtasari');
		expect(sw.get('profile_not_significant')).toBe('si tofauti ya uhakika kitakwimu');
	});
});
