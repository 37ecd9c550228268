import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipIfNeeded, isGzip } from './gzip';

describe('gzip uploads', () => {
	it('unpacks a .csv.gz file to the same bytes, named without .gz', async () => {
		const text = 'region;value\nDodoma;45,3\nMwanza;12\n'.repeat(1000);
		const packed = new File([gzipSync(Buffer.from(text))], 'survey.csv.gz');
		const file = await gunzipIfNeeded(packed);
		expect(file.name).toBe('survey.csv');
		expect(await file.text()).toBe(text);
	});

	it('passes a plain file through untouched, whatever its name', async () => {
		const plain = new File(['a,b\n1,2\n'], 'misnamed.csv.gz');
		expect(await gunzipIfNeeded(plain)).toBe(plain);
		expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
	});

	it('rejects a file that starts like gzip but is cut short', async () => {
		const packed = gzipSync(Buffer.from('x,y\n'.repeat(10000)));
		const cut = new File([packed.subarray(0, packed.length / 2)], 'cut.csv.gz');
		await expect(gunzipIfNeeded(cut)).rejects.toThrow();
	});
});
