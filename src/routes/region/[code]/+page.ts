import type { EntryGenerator } from './$types';
import { regionCodes } from '$lib/ui/profile/regionDirectory';

/** One prerendered page per region, from data/regions.csv as it is at build time. */
export const entries: EntryGenerator = () => regionCodes.map((code) => ({ code }));
