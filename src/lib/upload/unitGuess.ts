import type { ImportMapping } from './importSql';
import type { ColumnProfile, RoleGuess } from './types';

/**
 * The unit of an indicator table's values, guessed from the values themselves and their headers,
 * with the evidence the person sees beside the choice (and can overrule). A percentage never
 * exceeds 100, so a value column that does holds counts, unless its header says "per 100"
 * (SIMs per 100 residents run past 100).
 */
export type UnitEvidence =
	/** A header names the rate: "per 100", "kwa 100". */
	| { kind: 'header-per100'; column: string }
	/** The largest value is above 100: no percentage. */
	| { kind: 'above-100'; column: string; max: number }
	/** Every value lies between 0 and 100. */
	| { kind: 'within-0-100'; min: number; max: number }
	/** No numbers to judge by. */
	| { kind: 'none' };

export interface UnitGuess {
	unit: ImportMapping['unit'];
	evidence: UnitEvidence;
}

const VALUE_ROLES = new Set(['value', 'wide-value', 'lower', 'upper']);
const PER_100 = /\b(per|kwa)\s*100\b/i;

export function guessUnit(profiles: readonly ColumnProfile[], roles: RoleGuess): UnitGuess {
	const columns = roles.columns
		.filter((c) => VALUE_ROLES.has(c.role))
		.map((c) => profiles.find((p) => p.index === c.index))
		.filter((p): p is ColumnProfile => p !== undefined);
	const per100 = columns.find((p) => PER_100.test(p.header));
	if (per100) return { unit: 'per100', evidence: { kind: 'header-per100', column: per100.label } };
	const measured = columns.filter((p) => p.min !== null && p.max !== null);
	if (measured.length === 0) return { unit: 'percent', evidence: { kind: 'none' } };
	const largest = measured.reduce((a, b) => (b.max! > a.max! ? b : a));
	if (largest.max! > 100) {
		return {
			unit: 'count',
			evidence: { kind: 'above-100', column: largest.label, max: largest.max! }
		};
	}
	const min = Math.min(...measured.map((p) => p.min!));
	return { unit: 'percent', evidence: { kind: 'within-0-100', min, max: largest.max! } };
}
