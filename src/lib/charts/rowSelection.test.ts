import { describe, expect, it } from 'vitest';
import { isActivation, toggleTarget } from './rowSelection';

describe('chart row selection', () => {
	it('selects a region, and clears it when it was already selected', () => {
		expect(toggleTarget('TZ-03', null)).toBe('TZ-03');
		expect(toggleTarget('TZ-03', 'TZ-02')).toBe('TZ-03');
		expect(toggleTarget('TZ-03', 'TZ-03')).toBeNull();
	});
	it('activates on Enter and Space only', () => {
		const key = (k: string) => ({ key: k }) as KeyboardEvent;
		expect([key('Enter'), key(' '), key('Tab'), key('a')].map(isActivation)).toEqual([
			true,
			true,
			false,
			false
		]);
	});
});
