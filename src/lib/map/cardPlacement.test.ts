import { describe, expect, it } from 'vitest';
import { placeCard } from './cardPlacement';

// A 343 px square map on a 375 px phone; a card 200 × 80 px; 12 px from the point, 4 px margin.
const frame = { width: 343, height: 343 };
const card = { width: 200, height: 80 };

describe('placeCard', () => {
	it('puts the card below and right of the point when it fits', () => {
		// 50 + 12 = 62, and 62 + 200 = 262 ≤ 343 − 4.
		expect(placeCard({ x: 50, y: 50 }, card, frame)).toEqual({ left: 62, top: 62 });
	});

	it('flips it left and up near the bottom-right corner', () => {
		// 312 + 200 > 339, so 300 − 12 − 200 = 88; 312 + 80 > 339, so 300 − 12 − 80 = 208.
		expect(placeCard({ x: 300, y: 300 }, card, frame)).toEqual({ left: 88, top: 208 });
	});

	it('keeps it inside when neither side has room (a tap mid-width on a phone)', () => {
		// Right: 162 + 200 = 362 > 339; left: 150 − 212 = −62, clamped to the 4 px margin.
		expect(placeCard({ x: 150, y: 20 }, card, frame)).toEqual({ left: 4, top: 32 });
	});

	it('keeps the top-left corner of a card larger than the frame inside', () => {
		expect(placeCard({ x: 10, y: 10 }, { width: 400, height: 500 }, frame)).toEqual({
			left: 4,
			top: 4
		});
	});
});
