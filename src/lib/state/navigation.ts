import { goto } from '$app/navigation';

/**
 * Navigate to the same page with a new query string. The path does not change, so there is no
 * route to resolve; the history entry makes Back return to the previous view.
 */
export function gotoQuery(params: URLSearchParams, replace = false): Promise<void> {
	// eslint-disable-next-line svelte/no-navigation-without-resolve -- same path, new query only
	return goto(`?${params}`, { keepFocus: true, noScroll: true, replaceState: replace });
}

/** The `lang` parameter for a locale: absent for the base language. */
export function withLang(
	params: URLSearchParams,
	locale: string,
	baseLocale: string
): URLSearchParams {
	const out = new URLSearchParams(params);
	if (locale === baseLocale) out.delete('lang');
	else out.set('lang', locale);
	return out;
}
