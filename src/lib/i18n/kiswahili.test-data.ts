/**
 * What the two Kiswahili checks share: src/lib/i18n/kiswahili.test.ts reads the message files,
 * tests/e2e/kiswahili.e2e.ts looks for English left on the rendered pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');

/**
 * Strings that are rightly the same in Kiswahili and English: names, codes and the bilingual
 * language label (templates with no words of their own pass through `noWords`). Anything else
 * left in English is a missing translation.
 */
export const SAME_IN_BOTH: readonly string[] = [
	'Pengo',
	'Kiswahili',
	'English',
	'Zanzibar',
	'Language / Lugha',
	'ISO {iso}, NBS {nbs}',
	'Tanzania ({area})',
	// The SQL keyword for an empty cell on the SQL page.
	'NULL'
];

/** A template with no words of its own ("{label}: {value}", "%") reads the same in any language. */
export const noWords = (text: string) => !/\p{L}/u.test(text.replace(/\{\w+\}/g, ''));

export type Messages = Record<string, string>;

/** The core message file and every per-feature folder, as [name, en, sw]. */
export function messageFiles(): [string, Messages, Messages][] {
	const dir = join(root, 'messages');
	const read = (path: string) => {
		const all = JSON.parse(readFileSync(path, 'utf8')) as Messages;
		delete all.$schema;
		return all;
	};
	const folders = readdirSync(dir, { withFileTypes: true })
		.filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'en.json')))
		.map((e) => e.name);
	return [
		['messages/{locale}.json', read(join(dir, 'en.json')), read(join(dir, 'sw.json'))],
		...folders.map((f): [string, Messages, Messages] => [
			`messages/${f}/{locale}.json`,
			read(join(dir, f, 'en.json')),
			read(join(dir, f, 'sw.json'))
		])
	];
}
