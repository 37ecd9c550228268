/**
 * The indicator picker's words for uploaded indicators. Two uploads may give an indicator the same
 * name (the same DHS file twice, or two rounds of one survey both with hv243a): those options say
 * which upload each comes from, by its file name, and by the file name and upload time when the
 * file names are the same too. A name no other upload uses is shown as it is.
 */

/** What the picker knows of an uploaded indicator and of the upload it came from. */
export interface PickedUpload {
	id: string;
	label: string;
	/** The dataset's key (IndicatorInfo.uploadedFrom). */
	uploadedFrom: string;
}
export interface UploadOrigin {
	key: string;
	fileName: string;
	createdAt: string;
}

/**
 * Each uploaded indicator's option text, by indicator id. `named(label, detail)` words
 * "hv243a (household-2022.csv)"; `when(createdAt)` writes an upload's time.
 */
export function uploadedOptionLabels(
	indicators: readonly PickedUpload[],
	origins: readonly UploadOrigin[],
	named: (label: string, detail: string) => string,
	when: (createdAt: string) => string
): Map<string, string> {
	const originOf = new Map(origins.map((o) => [o.key, o]));
	const byName = new Map<string, PickedUpload[]>();
	for (const indicator of indicators) {
		const name = indicator.label.trim().toLocaleLowerCase();
		byName.set(name, [...(byName.get(name) ?? []), indicator]);
	}
	const labels = new Map<string, string>();
	for (const group of byName.values()) {
		const uploads = new Set(group.map((i) => i.uploadedFrom));
		if (uploads.size < 2) {
			for (const i of group) labels.set(i.id, i.label);
			continue;
		}
		const files = group.map((i) => originOf.get(i.uploadedFrom)?.fileName ?? i.uploadedFrom);
		const filesRepeat = new Set(files).size < uploads.size;
		group.forEach((i, k) => {
			const origin = originOf.get(i.uploadedFrom);
			const file = files[k]!;
			const detail = filesRepeat && origin ? `${file}, ${when(origin.createdAt)}` : file;
			labels.set(i.id, named(i.label, detail));
		});
	}
	return labels;
}
