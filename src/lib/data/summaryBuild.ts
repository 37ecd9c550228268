import type { Connector } from '$lib/db/connector';
import type { BoundQuery } from '$lib/db/connector';
import { loadBundled, type FetchFile } from './loadBundled';
import { fetchRegionProfiles } from './regionProfile';
import {
	commonYears,
	CONNECTIVITY,
	CONNECTIVITY_CODES,
	fetchServicesView,
	SERVICE_CODES,
	SERVICES
} from './services';
import { DEFAULT_INDICATOR } from '$lib/domain/indicators';
import {
	firstScreenSummary,
	recordingConnector,
	SUMMARY_FORMAT,
	type BundledSummary
} from './summary';
import { fetchTrend } from './trend';
import { fetchIndicatorView } from './views';

/**
 * Loads and checks the bundled files on `db` (a bad file stops it with the same DataFileError the
 * page shows), then asks every question the bundled views ask and keeps the answers: each
 * indicator in each year (explorer, divide index, brief), the rounds of each indicator that has
 * two or more (the explorer's trend), each region's profile (profiles and
 * compare, which asks region by region), each services choice in each year it has.
 */
export async function buildSummary(
	db: Connector,
	fetchFile: FetchFile
): Promise<{
	summary: BundledSummary;
	/** The first screen's part: the default indicator in its latest year. */
	first: BundledSummary;
	queries: Map<string, BoundQuery | string>;
}> {
	const bundled = await loadBundled(db, fetchFile);
	const { connector, answers, queries } = recordingConnector(db);
	for (const indicator of bundled.indicators) {
		for (const year of indicator.years) await fetchIndicatorView(connector, indicator.id, year);
		if (indicator.years.length >= 2) await fetchTrend(connector, indicator.id);
	}
	for (const region of bundled.regions) {
		await fetchRegionProfiles(connector, bundled.regions, bundled.indicators, [region.isoCode]);
	}
	for (const service of SERVICE_CODES) {
		for (const connectivity of CONNECTIVITY_CODES) {
			const ids = [SERVICES[service], CONNECTIVITY[connectivity]];
			for (const year of commonYears(bundled.indicators, ids)) {
				await fetchServicesView(connector, service, connectivity, year);
			}
		}
	}
	const summary: BundledSummary = { format: SUMMARY_FORMAT, bundled, answers };
	const opening = bundled.indicators.find((i) => i.id === DEFAULT_INDICATOR);
	const firstKeys: string[] = [];
	if (opening) {
		const year = opening.years[opening.years.length - 1]!;
		const { connector: probe, queries: asked } = recordingConnector(db);
		await fetchIndicatorView(probe, opening.id, year);
		firstKeys.push(...asked.keys());
	}
	return { summary, first: firstScreenSummary(summary, firstKeys), queries };
}
