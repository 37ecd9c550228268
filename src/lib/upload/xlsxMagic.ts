/**
 * How a workbook's bytes begin: a zip (.xlsx, .xlsb) or an OLE2 compound file (.xls, or an .xlsx
 * protected by a password). Kept apart from the reader so the page can tell a workbook without
 * loading it; the reading itself runs in the worker.
 */

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * True when the bytes begin like a zip or a compound file. The name is not asked: some systems
 * export tab-separated text or HTML named .xls, and such text goes on as text.
 */
export function looksLikeWorkbook(head: Uint8Array): boolean {
	const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
	return zip || CFB_MAGIC.every((b, i) => head[i] === b);
}
