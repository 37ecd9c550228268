import { describe, expect, it } from 'vitest';
import { shouldPrefetch } from './engine.svelte';

describe('shouldPrefetch', () => {
	it('fetches the engine early only on a connection said to be fast and not saving data', () => {
		expect(shouldPrefetch({ effectiveType: '4g' })).toBe(true);
		expect(shouldPrefetch({ effectiveType: '4g', saveData: true })).toBe(false);
		expect(shouldPrefetch({ effectiveType: '3g' })).toBe(false);
		expect(shouldPrefetch({ effectiveType: '2g' })).toBe(false);
		expect(shouldPrefetch({ effectiveType: 'slow-2g' })).toBe(false);
		expect(shouldPrefetch(undefined)).toBe(false);
	});
});
