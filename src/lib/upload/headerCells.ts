/** The header row of an upload: each cell as kept, and labels that are safe to show and unique. */
import { cellExcerpt } from '$lib/domain/cellExcerpt';
import type { UploadProblem } from './types';

/** A header cell as the upload keeps it: whole, or its first characters and "…" when very long. */
export function headerText(cell: string): string {
	const header = cellExcerpt(cell);
	return header.cut ? `${header.text}…` : header.text;
}

/**
 * Names safe to show and unique within the file, ignoring case (DuckDB identifiers ignore case):
 * the trimmed header, "column N" when it is empty, and " (2)", " (3)" … after a repeat. Header text
 * is only ever text here. With headerRow 0 (no header row) no problems are reported.
 */
export function headerLabels(
	headers: string[],
	file: string,
	headerRow = 1
): { labels: string[]; problems: UploadProblem[] } {
	const problems: UploadProblem[] = [];
	const labels: string[] = new Array<string>(headers.length);
	const used = new Set<string>();
	const unique = (base: string) => {
		let label = base;
		for (let k = 2; used.has(label.toLowerCase()); k++) label = `${base} (${k})`;
		used.add(label.toLowerCase());
		return label;
	};
	const report = (problem: Omit<UploadProblem, 'file' | 'severity'>) => {
		if (headerRow > 0) problems.push({ file, row: headerRow, severity: 'warning', ...problem });
	};
	const firstExact = new Map<string, number>();
	const firstFolded = new Map<string, number>();
	// Real names first, so a generated "column 3" never takes the name a header gives itself.
	headers.forEach((raw, i) => {
		const h = raw.trim();
		if (h === '') return;
		const label = unique(h);
		labels[i] = label;
		const exact = firstExact.get(h);
		const folded = firstFolded.get(h.toLowerCase());
		if (exact !== undefined) {
			report({
				column: raw,
				value: raw,
				kind: 'duplicate-header',
				detail: `${label} (as column ${exact + 1})`
			});
		} else if (folded !== undefined) {
			report({
				column: raw,
				value: raw,
				kind: 'case-colliding-header',
				detail: `${label} (as column ${folded + 1})`
			});
		}
		if (exact === undefined) firstExact.set(h, i);
		if (folded === undefined) firstFolded.set(h.toLowerCase(), i);
	});
	headers.forEach((raw, i) => {
		if (raw.trim() !== '') return;
		const label = unique(`column ${i + 1}`);
		labels[i] = label;
		report({ column: label, kind: 'empty-header', detail: label });
	});
	return { labels, problems };
}
