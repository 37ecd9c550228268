/**
 * File names built from titles, indicator ids and periods. A region or title can be any text
 * (`../../etc`, `=HYPERLINK(…)`), so a name keeps only lower-case ASCII letters, digits and single
 * hyphens: no path separator, dot, quote or formula character can survive.
 */

declare const safe: unique symbol;
/** A name produced by `safeFileName`; `downloadBlob` takes nothing else. */
export type SafeFileName = string & { readonly [safe]: true };

export const FILE_EXTENSIONS = ['csv', 'zip', 'png', 'svg', 'json', 'txt'] as const;
export type FileExtension = (typeof FILE_EXTENSIONS)[number];

/** Longest stem (before the extension); file systems allow 255 bytes, people read far fewer. */
export const MAX_STEM = 80;
const FALLBACK = 'pengo-export';

/** Lower-case ASCII slug: accents folded (Mjini → mjini, é → e), everything else a hyphen. */
export function slug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** `['pengo', 'women_mobile_phone', 'total', '2022'], 'csv'` → `pengo-women-mobile-phone-total-2022.csv`. */
export function safeFileName(parts: readonly string[], extension: FileExtension): SafeFileName {
	if (!FILE_EXTENSIONS.includes(extension)) throw new Error(`unknown file extension ${extension}`);
	let stem = parts.map(slug).filter(Boolean).join('-');
	if (stem.length > MAX_STEM) stem = stem.slice(0, MAX_STEM).replace(/-+$/, '');
	return `${stem || FALLBACK}.${extension}` as SafeFileName;
}
