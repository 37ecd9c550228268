import { describe, expect, it } from 'vitest';
import { choicesFile, readChoicesFile } from './choicesFile';
import type { ImportMapping } from './importSql';
import { plainComma } from './wideFile.test-data';

const mapping: ImportMapping = {
	dialect: plainComma,
	columnCount: 3,
	labels: ['region', 'year', 'value'],
	roles: {
		kind: 'indicators',
		columns: [
			{ index: 1, role: 'region' },
			{ index: 2, role: 'year' },
			{ index: 3, role: 'value' }
		],
		weightDivisor: 1,
		areaCodes: { urban: ['urban'], rural: ['rural'], total: ['total'] },
		preset: null,
		fixedYear: null
	},
	regions: [{ written: 'Dodoma', kind: 'region', code: 'TZ-03' }],
	unit: 'count',
	indicatorName: 'SIMs'
} as ImportMapping;

describe('choices files', () => {
	it('round-trip through JSON with the dataset’s name and source', () => {
		const written = JSON.stringify(
			choicesFile({ name: 'TCRA 2024', fileName: 'tcra.csv', sourceNote: 'TCRA, Q4 2024', mapping })
		);
		expect(readChoicesFile(JSON.parse(written), 'c.json')).toEqual({
			mapping,
			name: 'TCRA 2024',
			sourceNote: 'TCRA, Q4 2024'
		});
	});

	it('read the metadata.json npm run aggregate writes', () => {
		const metadata = { source: { name: 'Census', note: 'NBS 2022' }, mapping };
		expect(readChoicesFile(metadata, 'metadata.json')).toEqual({
			mapping,
			name: 'Census',
			sourceNote: 'NBS 2022'
		});
	});

	it('refuse anything else by name', () => {
		for (const json of [null, 3, {}, { mapping: {} }, { mapping: { dialect: plainComma } }]) {
			expect(() => readChoicesFile(json, 'notes.json')).toThrow(
				'notes.json is not a choices file: it needs a "mapping" with "dialect" and "roles".'
			);
		}
	});
});
