import { describe, expect, it } from 'vitest';
import { pointerUrl, roleColumns, siteParquetUrl, urlFileName, urlPointer } from './parquetUrl';

const PAGE = 'https://pengo.example/datasets/';

describe('Parquet files of the site, by address', () => {
	it('takes a path or an address of the same origin only', () => {
		expect(siteParquetUrl('/census.parquet', PAGE)).toBe('https://pengo.example/census.parquet');
		expect(siteParquetUrl(' data/c.parquet#x ', PAGE)).toBe(
			'https://pengo.example/datasets/data/c.parquet'
		);
		expect(siteParquetUrl('https://pengo.example/a.parquet?v=2', PAGE)).toBe(
			'https://pengo.example/a.parquet?v=2'
		);
		expect(siteParquetUrl('https://example.org/census.parquet', PAGE)).toBeNull();
		expect(siteParquetUrl('//example.org/census.parquet', PAGE)).toBeNull();
		expect(siteParquetUrl('http://pengo.example/census.parquet', PAGE)).toBeNull();
		expect(siteParquetUrl('data:application/octet-stream,PAR1', PAGE)).toBeNull();
		expect(siteParquetUrl('', PAGE)).toBeNull();
	});

	it('keeps the path in the store and reads it back on the page’s site', () => {
		const pointer = urlPointer('https://pengo.example/data/census%202022.parquet?v=1');
		expect(urlFileName('https://pengo.example/data/census%202022.parquet')).toBe(
			'census 2022.parquet'
		);
		expect(pointerUrl(pointer, 'https://moved.example/datasets/')).toBe(
			'https://moved.example/data/census%202022.parquet?v=1'
		);
		expect(pointerUrl(new TextEncoder().encode('region,value\n'), PAGE)).toBeNull();
		expect(pointerUrl(new TextEncoder().encode('{"kind":"other"}'), PAGE)).toBeNull();
	});

	it('reads in full the columns with a role (0-based, in file order)', () => {
		expect(
			roleColumns({
				columns: [
					{ index: 3, role: 'item' },
					{ index: 1, role: 'region' },
					{ index: 2, role: 'ignore' }
				]
			})
		).toEqual([0, 2]);
	});
});
