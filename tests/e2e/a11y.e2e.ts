import AxeBuilder from '@axe-core/playwright';
import { chartRows, expect, test } from './fixtures';
import type { Page } from '@playwright/test';

/** The main views, each with what to wait for before checking. */
const views: { name: string; url: string; ready: (page: Page) => Promise<void> }[] = [
	{
		name: 'explorer, chart',
		url: '/',
		ready: (p) => expect(chartRows(p)).toHaveCount(31, { timeout: 30_000 })
	},
	{
		name: 'explorer, urban–rural gap',
		url: '/?indicator=hh_owns_mobile&measure=gap',
		ready: (p) => expect(chartRows(p)).toHaveCount(31, { timeout: 30_000 })
	},
	{
		name: 'explorer, table',
		url: '/?view=table',
		ready: (p) => expect(p.getByRole('table').getByRole('row')).toHaveCount(32, { timeout: 30_000 })
	},
	{
		name: 'explorer in Kiswahili',
		url: '/?lang=sw',
		// The chart's heading is in Kiswahili here: find a chart row by its region name instead.
		ready: (p) =>
			expect(p.getByRole('button', { name: /^Dodoma:/ })).toBeVisible({ timeout: 30_000 })
	},
	{
		name: 'region profile',
		url: '/region/TZ-03/',
		ready: (p) =>
			expect(p.getByRole('heading', { level: 1, name: /Dodoma/ })).toBeVisible({ timeout: 30_000 })
	},
	{
		name: 'regions index',
		url: '/regions/',
		ready: (p) => expect(p.getByRole('link', { name: /Dodoma/ })).toBeVisible({ timeout: 30_000 })
	},
	{
		name: 'compare',
		url: '/compare/?regions=TZ-03,TZ-02',
		ready: (p) => expect(p.getByRole('table').first()).toBeVisible({ timeout: 30_000 })
	},
	{
		name: 'digital-divide index',
		url: '/divide-index/',
		ready: (p) => expect(p.getByRole('table').first()).toBeVisible({ timeout: 30_000 })
	},
	{
		name: 'services vs connectivity',
		url: '/services/',
		ready: (p) => expect(p.getByRole('table').first()).toBeVisible({ timeout: 30_000 })
	}
];

for (const view of views) {
	test(`axe finds no violations: ${view.name}`, async ({ page }) => {
		await page.goto(view.url);
		await view.ready(page);
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		const summary = results.violations.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(' | ')}`
		);
		expect(summary).toEqual([]);
	});
}
