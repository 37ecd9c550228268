import { describe, expect, it } from 'vitest';
import { chartRowLabel } from './rowLabel';

describe('chartRowLabel', () => {
	it('keeps a description that already reads name, then value', () => {
		expect(
			chartRowLabel({
				name: 'Dar es Salaam',
				valueText: '87.2%',
				description: 'Dar es Salaam: 87.2% (90% CI 83.1–90.4)'
			})
		).toBe('Dar es Salaam: 87.2% (90% CI 83.1–90.4)');
	});

	it('puts the visible name and value first when the description reads otherwise', () => {
		expect(
			chartRowLabel({
				name: 'Dodoma',
				valueText: '+21.0 pp',
				description: 'Dodoma: urban 80.0%, rural 59.0%, gap +21.0 pp'
			})
		).toBe('Dodoma +21.0 pp: urban 80.0%, rural 59.0%, gap +21.0 pp');
	});

	it('keeps a description that does not start with the name whole', () => {
		expect(
			chartRowLabel({
				name: 'Tabora',
				valueText: '0.41',
				description: 'Rank 3 of 31: Tabora, index 0.41'
			})
		).toBe('Tabora 0.41: Rank 3 of 31: Tabora, index 0.41');
	});
});
