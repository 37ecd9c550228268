import { downloadBlob } from '$lib/export/download';
import { safeFileName } from '$lib/export/fileName';
import { choicesFile } from '$lib/upload/choicesFile';
import type { ImportMapping } from '$lib/upload/importSql';

/** Save a dataset's choices as `pengo-choices-<name>.json`, for npm run aggregate --choices. */
export function downloadChoices(entry: {
	name: string;
	fileName: string;
	sourceNote: string;
	mapping: ImportMapping;
}): void {
	downloadBlob(
		new Blob([JSON.stringify(choicesFile(entry), null, '\t') + '\n'], {
			type: 'application/json'
		}),
		safeFileName(['pengo', 'choices', entry.name], 'json')
	);
}
