import { onMount } from 'svelte';
import { fetchServicesView, type ServicesView } from '$lib/data/services';
import type { Figure, ViewDownloadInput } from '$lib/export/viewDownloads';
import { i18n, intlLocale } from '$lib/i18n/locale.svelte';
import { dashboard, ensureLoaded } from '$lib/state/app.svelte';
import { gotoQuery } from '$lib/state/navigation';
import { resource } from '$lib/state/resource.svelte';
import { servicesModel } from './servicesModel';
import { servicesDownload } from './servicesDownload';
import { servicesText, urlProblemText } from './servicesText';
import {
	parseServicesState,
	servicesParams,
	servicesViewKey,
	servicesYears,
	type ServicesState
} from './servicesUrl';

export { SERVICE_CODES, CONNECTIVITY_CODES } from '$lib/data/services';
export type { Connectivity, Service } from '$lib/data/services';
export { connectivityName, serviceName } from './servicesText';

/**
 * The services view for the life of its page: the choice the URL holds, the answer to it (asked
 * once the dashboard is ready; the latest choice wins), and the model drawn from both. Create it
 * while the page component is set up: once the page is mounted it asks for the data.
 */
export class ServicesPage {
	#params: () => URLSearchParams;

	locale = $derived(intlLocale(i18n.locale));
	indicators = $derived(dashboard.data?.indicators ?? []);
	years = $derived(servicesYears(this.indicators));
	#parsed = $derived.by(() => parseServicesState(this.#params(), this.years));
	choice = $derived(this.#parsed.state);
	problems = $derived(this.#parsed.problems.map(urlProblemText));

	#view = resource<ServicesView>(
		() => {
			const { service, connectivity, year } = this.choice;
			if (dashboard.status !== 'ready' || year === null) return null;
			return {
				key: servicesViewKey(this.choice),
				load: () => fetchServicesView(dashboard.db, service, connectivity, year)
			};
		},
		{ cache: 24 }
	);
	/** The answer for the choice on screen; null while it is on its way. */
	current = $derived(this.#view.valueFor(servicesViewKey(this.choice)) ?? null);
	model = $derived(
		servicesModel(this.choice, this.current, this.indicators, servicesText(this.locale))
	);

	constructor(params: () => URLSearchParams) {
		this.#params = params;
		onMount(() => void ensureLoaded());
	}

	get error(): Error | null {
		return this.#view.error;
	}

	/** Every choice is a navigation, so the URL always reproduces the view and Back undoes it. */
	navigate(next: Partial<ServicesState>): void {
		void gotoQuery(servicesParams({ ...this.choice, ...next }, this.#params()));
	}

	/** What the Download menu saves of the view on screen; null while it is loading. */
	download(figure: () => Figure): ViewDownloadInput | null {
		return this.current && servicesDownload(this.current, this.model, this.indicators, figure);
	}
}
