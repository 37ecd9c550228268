import { describe, expect, it } from 'vitest';
import { earlierUpload } from './duplicates';

const stored = (id: string, sha256: string | null, createdAt: string) => ({
	id,
	name: `Dataset ${id}`,
	fileName: `${id}.csv`,
	createdAt,
	sha256
});

describe('earlierUpload', () => {
	const a = 'ab'.repeat(32);
	const b = 'cd'.repeat(32);

	it('names the stored dataset with the same hash, whatever the case of its hex', () => {
		const datasets = [
			stored('x', b, '2026-12-01T10:00:00Z'),
			stored('y', a, '2026-12-02T09:30:00Z')
		];
		expect(earlierUpload(a.toUpperCase(), datasets)).toEqual({
			id: 'y',
			name: 'Dataset y',
			fileName: 'y.csv',
			createdAt: '2026-12-02T09:30:00Z'
		});
	});

	it('names the earliest when the file was uploaded more than once already', () => {
		const datasets = [
			stored('newer', a, '2026-12-03T08:00:00Z'),
			stored('first', a, '2026-11-30T08:00:00Z'),
			stored('middle', a, '2026-12-01T08:00:00Z')
		];
		expect(earlierUpload(a, datasets)?.id).toBe('first');
	});

	it('finds nothing for new bytes, or among datasets without a hash', () => {
		expect(earlierUpload(a, [stored('x', b, '2026-12-01T10:00:00Z')])).toBeNull();
		expect(earlierUpload(a, [stored('x', null, '2026-12-01T10:00:00Z')])).toBeNull();
		expect(earlierUpload(a, [])).toBeNull();
	});
});
