import { fetchRegionProfiles, type RegionProfile } from '$lib/data/regionProfile';
import { dashboard } from '$lib/state/app.svelte';

/**
 * The profiles of a list of regions, fetched once the dashboard's data is ready and again when the
 * list changes; an answer to a superseded list is dropped.
 */
export class ProfileLoader {
	profiles = $state.raw<RegionProfile[] | null>(null);
	error = $state.raw<Error | null>(null);
	#request = 0;

	async load(codes: readonly string[]): Promise<void> {
		const data = dashboard.data;
		if (!data) return;
		const request = ++this.#request;
		try {
			const profiles = await fetchRegionProfiles(
				dashboard.db,
				data.regions,
				data.indicators,
				codes
			);
			if (request !== this.#request) return;
			this.profiles = profiles;
			this.error = null;
		} catch (error) {
			if (request !== this.#request) return;
			this.error = error instanceof Error ? error : new Error(String(error));
		}
	}
}
