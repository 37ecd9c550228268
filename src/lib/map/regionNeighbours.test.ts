import { describe, expect, it } from 'vitest';
import { arrowDirection, middleRegion, neighbourInDirection } from './regionNeighbours';

// Region centres as the build draws them (static/geo/tanzania-regions.drawing.json, 1000 × 1000).
const centres = [
	{ iso: 'TZ-03', centre: [583, 456.8] }, // Dodoma
	{ iso: 'TZ-25', centre: [800.5, 391] }, // Tanga
	{ iso: 'TZ-26', centre: [640.4, 327.3] }, // Manyara
	{ iso: 'TZ-01', centre: [583, 183.1] }, // Arusha
	{ iso: 'TZ-09', centre: [741.4, 256.3] }, // Kilimanjaro
	{ iso: 'TZ-16', centre: [681.3, 642.3] }, // Morogoro
	{ iso: 'TZ-04', centre: [541.8, 630.9] }, // Iringa
	{ iso: 'TZ-23', centre: [451.5, 440.1] }, // Singida
	{ iso: 'TZ-19', centre: [835.6, 581.3] }, // Pwani
	{ iso: 'TZ-02', centre: [891, 545.7] }, // Dar es Salaam
	{ iso: 'TZ-15', centre: [889.7, 479.1] }, // Mjini Magharibi
	{ iso: 'TZ-11', centre: [905.8, 485.7] }, // Kusini Unguja
	{ iso: 'TZ-07', centre: [893.2, 455.9] }, // Kaskazini Unguja
	{ iso: 'TZ-06', centre: [937.8, 374.3] }, // Kaskazini Pemba
	{ iso: 'TZ-10', centre: [934.5, 400.6] } // Kusini Pemba
] as const;

describe('neighbourInDirection', () => {
	it('from Dodoma, Right goes east to Tanga', () => {
		// Tanga: dx 217.5, dy −65.8 → 227.2 away, 16.8° off east → 227.2 × 1.280 = 290.9.
		// Mjini Magharibi: 307.5 away, 4.2° off → 328.8; Pwani 281.6, 26.2° → 404.8;
		// Morogoro lies 62.1° off east, outside the cone.
		expect(neighbourInDirection(centres, 'TZ-03', 'right')).toBe('TZ-25');
	});

	it('from Dodoma, Up goes north to Manyara, not to Arusha straight above', () => {
		// Manyara: dx 57.4, dy −129.5 → 141.7 away, 23.9° off north → 198.1;
		// Arusha: 273.7 away, 0° → 273.7.
		expect(neighbourInDirection(centres, 'TZ-03', 'up')).toBe('TZ-26');
	});

	it('from Dodoma, Left goes to Singida and Down to Iringa', () => {
		// Singida: 132.6 away, 7.2° → 148.6. Iringa: 178.9 away, 13.3° → 218.6;
		// Morogoro: 209.9 away, 27.9° → 307.6.
		expect(neighbourInDirection(centres, 'TZ-03', 'left')).toBe('TZ-23');
		expect(neighbourInDirection(centres, 'TZ-03', 'down')).toBe('TZ-04');
	});

	it('from Dar es Salaam, Right stays put: only sea lies east', () => {
		// The nearest region east of it, Kusini Unguja, lies 76° off east.
		expect(neighbourInDirection(centres, 'TZ-02', 'right')).toBeNull();
	});

	it('from Dar es Salaam, Up goes across the channel to Mjini Magharibi', () => {
		// Mjini Magharibi: 66.6 away, 1.1° → 67.8; Kusini Unguja: 61.8 away, 13.9° → 76.1.
		expect(neighbourInDirection(centres, 'TZ-02', 'up')).toBe('TZ-15');
	});

	it('is null for a region it does not know', () => {
		expect(neighbourInDirection(centres, 'TZ-99', 'up')).toBeNull();
	});
});

describe('arrowDirection', () => {
	it('names the four arrow keys and nothing else', () => {
		expect(
			['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Enter'].map(arrowDirection)
		).toEqual(['right', 'left', 'up', 'down', null]);
	});
});

describe('middleRegion', () => {
	it('is the region nearest the middle of the drawing', () => {
		// From (500, 500): Singida 75.1, Dodoma 91.4, Iringa 137.4.
		expect(middleRegion(centres, { width: 1000, height: 1000 })).toBe('TZ-23');
	});
});
