import type { Pathname } from '$app/types';
import { m } from '$lib/paraglide/messages.js';

/** The views in the site navigation, in order. Labels are functions so they follow the language. */
export const navItems: readonly { path: Pathname; label: () => string }[] = [
	{ path: '/', label: () => m.nav_explorer() },
	{ path: '/services/', label: () => m.services_nav() },
	{ path: '/regions/', label: () => m.profile_nav_regions() },
	{ path: '/compare/', label: () => m.profile_nav_compare() },
	{ path: '/divide-index/', label: () => m.index_nav() },
	{ path: '/brief/', label: () => m.brief_nav() },
	{ path: '/datasets/', label: () => m.data_nav() },
	{ path: '/sql/', label: () => m.sql_nav() }
];
