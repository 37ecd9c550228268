import { describe, expect, it } from 'vitest';
import { rankDescending } from './ranking';

describe('rankDescending', () => {
	it('puts the largest first, breaks ties by name, and puts rows without a value last', () => {
		const rows = [
			{ name: 'Arusha', value: 10 },
			{ name: 'Simiyu', value: null },
			{ name: 'Lindi', value: 40 },
			{ name: 'Dodoma', value: -5 },
			{ name: 'Katavi', value: null },
			{ name: 'Geita', value: 10 }
		];
		expect(
			rankDescending(
				rows,
				(r) => r.value,
				(r) => r.name
			).map((r) => r.name)
		).toEqual(['Lindi', 'Arusha', 'Geita', 'Dodoma', 'Katavi', 'Simiyu']);
	});
});
