import type { Page } from '@playwright/test';
import { expect, sharePage } from './fixtures';

/** The SQL panel as a person finds it, shared by the SQL test files. */
export const editor = (page: Page) => page.getByLabel('SQL query', { exact: true });
export const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
export const resultTable = (page: Page) => page.getByRole('table', { name: 'Query result' });

/** The table list appears once DuckDB has started and loaded the bundled data. */
async function panelReady(page: Page): Promise<void> {
	await expect(page.getByRole('button', { name: /^(Insert|Ingiza) regions / })).toBeVisible({
		timeout: 45_000
	});
}

export async function openPanel(page: Page, query = ''): Promise<void> {
	await page.goto(`/sql/${query}`);
	await panelReady(page);
}

export async function runQuery(page: Page, sql: string): Promise<void> {
	await editor(page).fill(sql);
	await runButton(page).click();
}

/**
 * One page on the SQL panel for the tests of a describe block, so DuckDB starts once; `backAtPanel`
 * returns it, back by the menu if a test went to another view.
 */
export function sharedPanel(): { backAtPanel: () => Promise<Page> } {
	const panel = sharePage((page) => openPanel(page));
	return {
		async backAtPanel() {
			const page = panel.page;
			if (new URL(page.url()).pathname !== '/sql/') {
				await page
					.getByRole('navigation', { name: 'Views' })
					.getByRole('link', { name: 'SQL queries' })
					.click();
			}
			await panelReady(page);
			return page;
		}
	};
}
