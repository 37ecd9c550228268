import { describe, expect, it } from 'vitest';
import { uploadedOptionLabels, type UploadOrigin } from './pickerLabels';

const named = (label: string, detail: string) => `${label} (${detail})`;
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');
/** Options for "key/label" pairs (id up_<key>_<n>, n counting within the key), by id. */
function labels(items: string[], origins: UploadOrigin[]): Record<string, string> {
	const counts = new Map<string, number>();
	const indicators = items.map((item) => {
		const [key = '', label = ''] = item.split('/');
		counts.set(key, (counts.get(key) ?? 0) + 1);
		return { id: `up_${key}_${counts.get(key)}`, label, uploadedFrom: key };
	});
	return Object.fromEntries(uploadedOptionLabels(indicators, origins, named, when));
}

const first = { key: 'a1', fileName: 'household-2022.csv', createdAt: '2026-12-01T09:15:00Z' };
const second = { key: 'b2', fileName: 'household-2022 (2).csv', createdAt: '2026-12-02T10:20Z' };
const again = { key: 'c3', fileName: 'household-2022.csv', createdAt: '2026-12-03T11:25:00Z' };

describe('uploadedOptionLabels', () => {
	it('shows a name no other upload uses as it is', () => {
		const found = labels(['a1/hv243a', 'b2/hv206'], [first, second]);
		expect(found).toEqual({ up_a1_1: 'hv243a', up_b2_1: 'hv206' });
	});

	it('tells the same name from two uploads apart by file name, whatever the case', () => {
		const found = labels(['a1/hv243a', 'b2/HV243A'], [first, second]);
		expect(found).toEqual({
			up_a1_1: 'hv243a (household-2022.csv)',
			up_b2_1: 'HV243A (household-2022 (2).csv)'
		});
	});

	it('adds the upload time when the file names are the same too', () => {
		const found = labels(['a1/hv243a', 'c3/hv243a', 'a1/hv206'], [first, again]);
		expect(found).toEqual({
			up_a1_1: 'hv243a (household-2022.csv, 2026-12-01 09:15)',
			up_c3_1: 'hv243a (household-2022.csv, 2026-12-03 11:25)',
			up_a1_2: 'hv206'
		});
	});

	it('leaves two items of one upload that share a name to step 3, which warns of it', () => {
		const found = labels(['a1/Phone', 'a1/Phone'], [first]);
		expect(found).toEqual({ up_a1_1: 'Phone', up_a1_2: 'Phone' });
	});
});
