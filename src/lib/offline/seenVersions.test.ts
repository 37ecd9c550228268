import { describe, expect, it } from 'vitest';
import { noteVersion, parseSeen, SEEN_LIMIT } from './seenVersions';

describe('the "Pengo was updated" decision', () => {
	it('says nothing on the first visit, and remembers the version', () => {
		expect(noteVersion([], 'v1')).toEqual({ updated: false, seen: ['v1'] });
	});

	it('says nothing when the same version is opened again', () => {
		expect(noteVersion(['v1'], 'v1')).toEqual({ updated: false, seen: ['v1'] });
	});

	it('announces a rebuild: a version not seen before, after another one', () => {
		expect(noteVersion(['v1'], 'v2')).toEqual({ updated: true, seen: ['v2', 'v1'] });
		// The next visit to the same build is quiet again.
		expect(noteVersion(['v2', 'v1'], 'v2').updated).toBe(false);
	});

	it('does not call an older copy (served offline) an update', () => {
		expect(noteVersion(['v2', 'v1'], 'v1')).toEqual({ updated: false, seen: ['v1', 'v2'] });
	});

	it('keeps the list short', () => {
		const many = Array.from({ length: SEEN_LIMIT + 3 }, (_, i) => `v${i}`);
		const { seen } = noteVersion(many, 'new');
		expect(seen).toHaveLength(SEEN_LIMIT);
		expect(seen[0]).toBe('new');
	});

	it('reads what was stored, and treats anything unreadable as nothing seen', () => {
		expect(parseSeen('["v2","v1"]')).toEqual(['v2', 'v1']);
		expect(parseSeen(null)).toEqual([]);
		expect(parseSeen('not json')).toEqual([]);
		expect(parseSeen('{"v":1}')).toEqual([]);
		expect(parseSeen('["v1",3,null]')).toEqual(['v1']);
	});
});
