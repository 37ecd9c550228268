/** A box's size in pixels. */
export interface Size {
	width: number;
	height: number;
}

/**
 * Where a region's card goes: just below and to the right of the point it describes (the
 * pointer, a tap, or the region's centre), flipped to the left or above when it would cross the
 * frame's right or bottom edge, and then kept `margin` inside the frame on every side, so a tap
 * near the edge of a phone's narrow map never leaves the card cut off. A card larger than the
 * frame keeps its top-left corner inside.
 */
export function placeCard(
	at: { x: number; y: number },
	card: Size,
	frame: Size,
	offset = 12,
	margin = 4
): { left: number; top: number } {
	return {
		left: placeAlong(at.x, card.width, frame.width, offset, margin),
		top: placeAlong(at.y, card.height, frame.height, offset, margin)
	};
}

function placeAlong(at: number, size: number, room: number, offset: number, margin: number) {
	let start = at + offset;
	if (start + size > room - margin) start = at - offset - size;
	const last = room - margin - size;
	return Math.max(margin, Math.min(start, last));
}
