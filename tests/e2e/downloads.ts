import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Reading the files the Download menus give, as a person would get them. */

/**
 * Opens a section's Download menu (either language), picks an item and returns the downloaded
 * file's suggested name and bytes. With `size` (`natural`, `slide`, `a4`, `square`), the menu's
 * image size is chosen first.
 */
export async function download(
	page: Page,
	section: Locator,
	item: RegExp,
	size?: string
): Promise<{ name: string; bytes: Buffer }> {
	await section.getByRole('button', { name: /^(Download|Pakua)$/ }).click();
	if (size) await section.getByLabel(/^(Image size|Ukubwa wa picha)/).selectOption(size);
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		section.getByRole('button', { name: item }).click()
	]);
	return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/**
 * Width, height and how many distinct byte values the decoded pixels hold (1–2 when blank), after
 * checking the PNG signature and that the first chunk is IHDR.
 */
export function pngInfo(png: Buffer): { width: number; height: number; distinctBytes: number } {
	expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
	const idat: Buffer[] = [];
	for (let at = 8; at < png.length;) {
		const length = png.readUInt32BE(at);
		if (png.subarray(at + 4, at + 8).toString('latin1') === 'IDAT')
			idat.push(png.subarray(at + 8, at + 8 + length));
		at += 12 + length;
	}
	return {
		width: png.readUInt32BE(16),
		height: png.readUInt32BE(20),
		distinctBytes: new Set(inflateSync(Buffer.concat(idat))).size
	};
}

/**
 * A data zip: exactly one CSV, README.txt and metadata.json. Returns the CSV's name, its text
 * (byte order mark removed) and rows, the README and the parsed metadata.
 */
export function unzipData(zip: Buffer) {
	const files = unzipSync(new Uint8Array(zip));
	const name = Object.keys(files).find((f) => f.endsWith('.csv'))!;
	expect(Object.keys(files).sort()).toEqual(['README.txt', 'metadata.json', name].sort());
	const text = strFromU8(files[name]!).replace(/^\uFEFF/, '');
	return {
		name,
		text,
		readme: strFromU8(files['README.txt']!),
		metadata: JSON.parse(strFromU8(files['metadata.json']!)) as Record<string, unknown>,
		rows: Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
	};
}
