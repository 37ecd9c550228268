import { writeCsv } from '$lib/export/csvWriter';
import { downloadBlob } from '$lib/export/download';
import { safeFileName } from '$lib/export/fileName';
import { uploads } from '$lib/state/uploads.svelte';
import type { UploadProblemKind } from '$lib/upload/types';
import { kindName } from './uploadProblems';
import { m } from '$lib/paraglide/messages.js';

/**
 * Save a dataset's rows kept aside as `pengo-rejected-<name>.csv`: each row's reason as codes (for
 * scripts) and in words in the page's language.
 */
export async function downloadRejected(id: string, name: string): Promise<void> {
	const [header, ...rows] = await uploads.rejected(id, (kind, column) => {
		const words = kindName(kind as UploadProblemKind);
		return column === null ? words : `${words} (${m.upload_column({ column })})`;
	});
	if (!header) return;
	downloadBlob(
		new Blob([writeCsv(header, rows)], { type: 'text/csv;charset=utf-8' }),
		safeFileName(['pengo', 'rejected', name], 'csv')
	);
}
