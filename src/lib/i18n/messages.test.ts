import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const settings = JSON.parse(readFileSync(join(root, 'project.inlang/settings.json'), 'utf8')) as {
	baseLocale: string;
	locales: string[];
	modules: string[];
	'plugin.inlang.messageFormat': { pathPattern: string | string[] };
};
const patterns = [settings['plugin.inlang.messageFormat'].pathPattern].flat();

/** All messages of a locale, from every message file; a key defined twice is an error. */
function messages(locale: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const pattern of patterns) {
		const file = join(root, pattern.replace('{locale}', locale));
		const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
		for (const [key, value] of Object.entries(entries)) {
			if (key === '$schema') continue;
			if (key in out) throw new Error(`${key} is defined twice (${file})`);
			out[key] = value;
		}
	}
	return out;
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return e.name === 'paraglide' ? [] : sourceFiles(path);
		return /\.(svelte|ts)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('UI messages', () => {
	it('load their plugins from node_modules, never from the network', () => {
		for (const module of settings.modules) expect(module).toMatch(/^\.\/node_modules\//);
	});

	it('every m.key() used in the source exists in every locale', () => {
		const used = new Set<string>();
		for (const file of sourceFiles(join(root, 'src'))) {
			for (const match of readFileSync(file, 'utf8').matchAll(/\bm\.([a-z0-9_]+)\(/g))
				used.add(match[1]!);
		}
		expect(used.size).toBeGreaterThan(20);
		for (const locale of settings.locales) {
			const keys = new Set(Object.keys(messages(locale)));
			expect(
				[...used].filter((k) => !keys.has(k)),
				locale
			).toEqual([]);
		}
	});

	it('every locale has exactly the keys of the base locale, none empty', () => {
		const base = Object.keys(messages(settings.baseLocale)).sort();
		for (const locale of settings.locales) {
			const m = messages(locale);
			expect(Object.keys(m).sort(), locale).toEqual(base);
			expect(
				Object.entries(m).filter(([, v]) => v.trim() === ''),
				locale
			).toEqual([]);
		}
	});
});
