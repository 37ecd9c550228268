// The one Content-Security-Policy of the site. SvelteKit writes it into every page's <meta> tag
// (with hashes of its inline bootstrap script); scripts/serve.mjs sends it as a response header,
// the only way it reaches workers (DuckDB's among them), which ignore the page's <meta>.

/** @type {import('@sveltejs/kit').CspDirectives} */
export const cspDirectives = {
	'default-src': ['self'],
	'script-src': ['self', 'wasm-unsafe-eval'],
	'worker-src': ['self', 'blob:'],
	'connect-src': ['self'],
	'img-src': ['self', 'data:', 'blob:'],
	'style-src': ['self'],
	// Style attributes only (set by MapLibre and Svelte's style: directives); style elements stay 'self'.
	'style-src-attr': ['unsafe-inline'],
	'font-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	// A <meta> policy cannot say this, so SvelteKit leaves it out of the tag; the header carries it.
	'frame-ancestors': ['self']
};
