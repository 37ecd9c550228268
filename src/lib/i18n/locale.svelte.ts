import { getLocale, isLocale, locales, setLocale, baseLocale } from '$lib/paraglide/runtime.js';

export { baseLocale };

export type Locale = (typeof locales)[number];

/**
 * The UI language, as reactive state. Paraglide's message functions read the locale when called;
 * the layout re-renders its content when this changes, so no page reload (and no DuckDB restart)
 * is needed to switch language.
 */
export const i18n = $state({ locale: getLocale() as Locale });

/** Intl locale tag for numbers and dates. */
export function intlLocale(locale: Locale = i18n.locale): string {
	return locale === 'en' ? 'en-GB' : 'sw-TZ';
}

export function useLocale(locale: string | null): void {
	if (locale && isLocale(locale) && locale !== i18n.locale) {
		void setLocale(locale, { reload: false });
		i18n.locale = locale;
	}
	// The page's language follows the UI's, also when a stored choice was restored on load.
	if (typeof document !== 'undefined') document.documentElement.lang = i18n.locale;
}

export { locales };
