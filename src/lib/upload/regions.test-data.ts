import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Region } from '$lib/domain/regions';

/** A bundled data file's rows, as text. */
export const readDataCsv = (file: string) =>
	Papa.parse<Record<string, string>>(readFileSync(join(process.cwd(), 'data', file), 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

/** The real 31 regions of data/regions.csv, so matching is tested against the names it must separate. */
export const bundledRegions: Region[] = readDataCsv('regions.csv').map((r) => ({
	nbsCode: r.nbs_code ?? '',
	isoCode: r.iso_code ?? '',
	nameOfficial: r.name_official ?? '',
	nameEn: r.name_en ?? '',
	zone: r.zone === 'Zanzibar' ? 'Zanzibar' : 'Mainland',
	population2022: Number(r.population_2022),
	variants: r.variants ? r.variants.split('|') : []
}));
