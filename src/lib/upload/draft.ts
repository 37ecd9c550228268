/**
 * The import wizard's draft: the chosen file and everything decided about it so far, the steps,
 * and how a failed step is told to the person.
 */
import { EngineOfflineError, type Connector } from '$lib/db/connector';
import { quoteIdent } from '$lib/db/quote';
import { headerText } from './headerCells';
import { ImportError } from './importer';
import type { ImportMapping } from './importSql';
import type { SniffResult } from './sniffClient';
import type { UnitGuess } from './unitGuess';
import type { EarlierUpload } from './duplicates';
import type { WorkbookDraft } from './xlsxClient';
import type {
	ColumnProfile,
	Dialect,
	ImportReport,
	RegionNameReview,
	RoleGuess,
	UploadProblem
} from './types';

export type Step = 'choose' | 'dialect' | 'roles' | 'regions' | 'report';

export interface Draft {
	/** The file the CSV path reads (a workbook's chosen sheet as CSV). */
	file: File;
	/** An Excel workbook: its bytes, sheets and the sheet and header chosen (xlsxClient.ts). */
	workbook?: WorkbookDraft;
	/** When replacing a stored dataset: its id (the mapping is kept). */
	replacing: string | null;
	sniff: SniffResult;
	dialect: Dialect;
	/** Set once the file is in DuckDB. */
	staged: {
		id: string;
		columnCount: number;
		labels: string[];
		profiles: ColumnProfile[];
		/** Broken quotes the byte scan found, each with its row. */
		structural: UploadProblem[];
	} | null;
	roles: RoleGuess | null;
	reviews: RegionNameReview[];
	name: string;
	sourceNote: string;
	unit: ImportMapping['unit'];
	/** The unit guessed from the value columns, with its evidence; null until the roles are set. */
	unitGuess: UnitGuess | null;
	/** The person chose the unit: later role changes no longer guess it again. */
	unitChosen: boolean;
	indicatorName: string;
	/** Names the person typed for items (itemNames.ts), by item key; defaults are not stored. */
	itemNames: Record<string, string>;
	/**
	 * A long-format file's written indicator names (its indicator column's distinct texts, first
	 * LISTED_INDICATORS), read when that column is chosen; null without an indicator column.
	 */
	indicators: { column: number; written: { text: string; rows: number }[]; more: boolean } | null;
	/** SHA-256 of the file's bytes. */
	sha256: string;
	/** A stored dataset with the same bytes, until the person chooses to import anyway. */
	duplicateOf: EarlierUpload | null;
	problems: UploadProblem[];
	report: ImportReport | null;
	datasetId: string | null;
}

export function newDraftId(): string {
	const bytes = new Uint8Array(8);
	crypto.getRandomValues(bytes);
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function cancelledProblem(file: string): UploadProblem {
	return { file, kind: 'cancelled', severity: 'error' };
}

/** A failed step's error as the problem shown above the step. */
export function asProblem(error: unknown, file: string): UploadProblem {
	if (error instanceof ImportError) return error.problem;
	if (error instanceof EngineOfflineError)
		return { file, kind: 'engine-offline', severity: 'error' };
	return { file, kind: 'unreadable', detail: message(error), severity: 'error' };
}

/** The header row's cells as header texts, one per column (empty when the record is shorter). */
export async function headerRowCells(
	db: Connector,
	raw: string,
	headerRow: number,
	columnCount: number
): Promise<string[]> {
	const [row] = await db.query({
		sql: `SELECT * FROM ${quoteIdent(raw)} WHERE __row = ?`,
		params: [headerRow]
	});
	return Array.from({ length: columnCount }, (_, i) => {
		const v = row?.[`c${i + 1}`];
		return v === null || v === undefined ? '' : headerText(String(v));
	});
}

export function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
