/** A part of a shared link that names nothing the app knows; the page says so and shows a default. */
export type UrlProblem =
	| { kind: 'unknown-indicator'; value: string }
	| { kind: 'unknown-year'; value: string }
	| { kind: 'unknown-measure'; value: string }
	| { kind: 'unknown-region'; value: string };
