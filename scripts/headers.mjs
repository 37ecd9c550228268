// What scripts/serve.mjs answers for a request, as pure functions of the path and of what the
// build wrote: which file, which status, which headers. Kept apart from the server so the rules
// can be tested without one.

import { cspDirectives } from '../csp.config.js';

/** CSP keywords are written in single quotes; schemes such as blob: and data: are not. */
const KEYWORDS = new Set([
	'self',
	'none',
	'unsafe-inline',
	'unsafe-eval',
	'unsafe-hashes',
	'wasm-unsafe-eval',
	'strict-dynamic',
	'report-sample'
]);

/** Directives a <meta> policy cannot carry; SvelteKit leaves them out of the tag. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/**
 * A policy as header text, from directives written as in `kit.csp.directives`.
 * @param {Record<string, unknown>} directives
 * @param {(name: string) => boolean} [keep] which directives to write
 */
export function policyText(directives, keep = () => true) {
	return Object.entries(directives)
		.filter(([name, values]) => keep(name) && Array.isArray(values))
		.map(([name, values]) =>
			[name, ...values.map((v) => (KEYWORDS.has(v) ? `'${v}'` : String(v)))].join(' ')
		)
		.join('; ');
}

/** The policy of every response that is not a page (scripts and workers, .wasm, data, images). */
export const BASE_POLICY = policyText(cspDirectives);

const HEADER_ONLY_POLICY = policyText(cspDirectives, (name) => HEADER_ONLY.has(name));

const META_CSP =
	/<meta\s+http-equiv=["']content-security-policy["']\s+content=(?:"([^"]*)"|'([^']*)')/i;

/**
 * The policy to send with a built page: its own <meta> policy, which holds the hashes of that
 * page's inline script, plus the directives a <meta> tag cannot carry. A page without the tag
 * gets the base policy, which allows no inline script.
 * @param {string} html
 */
export function pagePolicy(html) {
	const match = META_CSP.exec(html);
	if (!match) return BASE_POLICY;
	const meta = (match[1] ?? match[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
	if (!/^[\x20-\x7e]*$/.test(meta))
		throw new Error(`Unexpected characters in a <meta> CSP: ${meta}`);
	return HEADER_ONLY_POLICY ? `${meta}; ${HEADER_ONLY_POLICY}` : meta;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The headers every response carries, whatever it is.
 * Referrer-Policy no-referrer: the site never needs a Referer (it fetches only its own files),
 * and its URLs hold what a person chose, which the sites its source links lead to need not see.
 * @param {string} policy
 * @param {string} cacheControl
 */
export function securityHeaders(policy, cacheControl) {
	return {
		'Content-Security-Policy': policy,
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'no-referrer',
		'Cache-Control': cacheControl
	};
}

/**
 * @typedef {object} Site
 * @property {ReadonlySet<string>} files every file the build wrote, as '/sql/index.html' (the
 *   .br and .gz copies left out)
 * @property {ReadonlyMap<string, string>} pagePolicies the policy of each .html file, by path
 * @property {string} fallback the page for unknown paths, as '/404.html'
 */

/**
 * @typedef {{ status: 200 | 404, file: string, headers: Record<string, string> }
 *   | { status: 307 | 405, headers: Record<string, string> }} Answer
 */

/**
 * The path of a request target, as sent and decoded. It is appended to an origin rather than
 * resolved against one, so that '//host/x' stays a path (any target parses this way).
 * @param {string} url
 */
function requestPath(url) {
	const { pathname, search } = new URL(`http://localhost${url.startsWith('/') ? '' : '/'}${url}`);
	try {
		return { pathname, search, path: decodeURIComponent(pathname) };
	} catch {
		return { pathname, search, path: pathname };
	}
}

/**
 * What to answer for `method` and `url` (path and query as sent). A file path is answered with
 * that file; 'dir/' with 'dir/index.html'; 'dir' with a redirect to 'dir/' (as `vite preview`
 * did, since pages link with relative paths and `trailingSlash` is 'always'); anything else
 * with the fallback page and status 404, which boots the app so it can say what is missing.
 * @param {string} method
 * @param {string} url
 * @param {Site} site
 * @returns {Answer}
 */
export function answer(method, url, site) {
	if (method !== 'GET' && method !== 'HEAD') {
		return {
			status: 405,
			headers: { ...securityHeaders(BASE_POLICY, 'no-cache'), Allow: 'GET, HEAD' }
		};
	}
	const { pathname, search, path } = requestPath(url);
	const file = path.endsWith('/') ? `${path}index.html` : path;
	if (site.files.has(file)) {
		const policy = site.pagePolicies.get(file) ?? BASE_POLICY;
		const cache = file.startsWith('/_app/immutable/') ? IMMUTABLE : 'no-cache';
		return { status: 200, file, headers: securityHeaders(policy, cache) };
	}
	if (!path.endsWith('/') && site.files.has(`${path}/index.html`)) {
		return {
			status: 307,
			headers: { ...securityHeaders(BASE_POLICY, 'no-cache'), Location: `${pathname}/${search}` }
		};
	}
	return notFound(site);
}

/**
 * The fallback page, with its own policy and status 404.
 * @param {Site} site
 */
export function notFound(site) {
	const policy = site.pagePolicies.get(site.fallback) ?? BASE_POLICY;
	return {
		status: /** @type {const} */ (404),
		file: site.fallback,
		headers: securityHeaders(policy, 'no-cache')
	};
}
