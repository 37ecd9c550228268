/**
 * Why the sniffer guessed what it did: each reason a key and its values, which the page words in
 * the person's language (message `upload_evidence_<key>`).
 */

/** Every kind of reason the sniffer gives; each has a message `upload_evidence_<key>`. */
export const EVIDENCE_KEYS = [
	'encoding',
	'one_column',
	'single_quotes',
	'delimiter',
	'delimiter_alternative',
	'title_lines',
	'no_header',
	'header_numeric',
	'header_distinct',
	'decimal_comma',
	'decimal_point',
	'no_thousands',
	'thousands',
	'missing'
] as const;
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];

/**
 * One reason for a guess. Counts are plain digits; `delimiter`, `separator` and `encoding` hold
 * the character or encoding itself, for the page to name in its own words.
 */
export interface Evidence {
	key: EvidenceKey;
	params: Record<string, string>;
}

export const because = (
	key: EvidenceKey,
	params: Record<string, string | number> = {}
): Evidence => ({
	key,
	params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))
});
