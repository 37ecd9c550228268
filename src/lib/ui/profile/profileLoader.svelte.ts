import { fetchRegionProfiles, type RegionProfile } from '$lib/data/regionProfile';
import { dashboard } from '$lib/state/app.svelte';
import { Resource } from '$lib/state/resource.svelte';

/**
 * The profiles of a list of regions, fetched once the dashboard's data is ready and again when the
 * list changes; an answer to a superseded list is dropped.
 */
export class ProfileLoader {
	#profiles = new Resource<RegionProfile[]>();

	get profiles(): RegionProfile[] | null {
		return this.#profiles.value ?? null;
	}

	get error(): Error | null {
		return this.#profiles.error;
	}

	async load(codes: readonly string[]): Promise<void> {
		const data = dashboard.data;
		if (!data) return;
		await this.#profiles.request(codes.join(','), () =>
			fetchRegionProfiles(dashboard.db, data.regions, data.indicators, codes)
		);
	}
}
