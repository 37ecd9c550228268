import { writeCsv } from '$lib/export/csvWriter';
import { downloadBlob } from '$lib/export/download';
import { safeFileName } from '$lib/export/fileName';
import { uploads } from '$lib/state/uploads.svelte';

/** Save a dataset's rows kept aside, with their error column, as `pengo-rejected-<name>.csv`. */
export async function downloadRejected(id: string, name: string): Promise<void> {
	const [header, ...rows] = await uploads.rejected(id);
	if (!header) return;
	downloadBlob(
		new Blob([writeCsv(header, rows)], { type: 'text/csv;charset=utf-8' }),
		safeFileName(['pengo', 'rejected', name], 'csv')
	);
}
