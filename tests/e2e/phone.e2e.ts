import type { Locator, Page } from '@playwright/test';
import { expect, mapImage, test, waitForData } from './fixtures';

// A 375 × 667 phone (an iPhone SE's window): touch, no hover.
test.use({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });

const mapPanel = (page: Page) => page.getByRole('region', { name: 'Map of the 31 regions' });
const card = (page: Page) => page.getByRole('tooltip');

/** Whether box `inner` lies wholly inside box `outer` (CSS pixels, half a pixel of rounding). */
function inside(
	inner: { x: number; y: number; width: number; height: number },
	outer: { x: number; y: number; width: number; height: number }
): boolean {
	return (
		inner.x >= outer.x - 0.5 &&
		inner.y >= outer.y - 0.5 &&
		inner.x + inner.width <= outer.x + outer.width + 0.5 &&
		inner.y + inner.height <= outer.y + outer.height + 0.5
	);
}

/** What has keyboard focus, as a person would name it: role and accessible name. */
function focused(page: Page): Promise<string> {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el) return '';
		const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
		return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${name}`;
	});
}

/** The tab stops met on the way from `from` to `to`, not counting either. */
async function tabStopsBetween(page: Page, from: Locator, to: Locator): Promise<string[]> {
	await from.focus();
	const stops: string[] = [];
	for (let i = 0; i < 10; i++) {
		await page.keyboard.press('Tab');
		if (await to.evaluate((el) => el === document.activeElement)) return stops;
		stops.push(await focused(page));
	}
	throw new Error(`"to" not reached by Tab; met ${stops.join(' | ')}`);
}

test('on a phone the map is in the first screen', async ({ page }) => {
	await page.goto('/');
	await waitForData(page);
	await expect(mapImage(page)).toBeVisible();
	expect(await page.evaluate(() => window.scrollY)).toBe(0);
	const box = (await mapImage(page).boundingBox())!;
	// Its top well inside the 667 px window, with a good part of the map showing.
	expect(box.y).toBeLessThan(667 - 100);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('a tapped region’s card stays inside the map, and its profile is one tap away', async ({
	page
}) => {
	await page.goto('/');
	await waitForData(page);
	const map = mapImage(page);
	await map.evaluate((el) => el.scrollIntoView({ block: 'center' }));
	const frame = (await map.boundingBox())!;
	// Tanga, near the right edge (its centre at 80% across, 39% down the drawing): a card placed
	// to the right of the finger, as before, ran past the frame and was cut off.
	await page.touchscreen.tap(frame.x + frame.width * 0.785, frame.y + frame.height * 0.39);
	await expect(card(page)).toContainText('Tanga');
	await expect(card(page)).toContainText('%');
	expect(inside((await card(page).boundingBox())!, frame)).toBe(true);
	const profile = mapPanel(page).getByRole('link', { name: 'Open the profile of Tanga' });
	await expect(profile).toBeInViewport();
	await profile.tap();
	await expect(page).toHaveURL(/\/region\/TZ-25\//);
	await expect(page.getByRole('heading', { level: 1, name: /Tanga/ })).toBeVisible();
});

test('the map is one tab stop, before and after Zoom in, with a visible focus ring', async ({
	page
}) => {
	await page.goto('/');
	await waitForData(page);
	const download = mapPanel(page).getByRole('button', { name: 'Download' });
	const zoomIn = page.getByRole('button', { name: 'Zoom in' });
	const map = mapImage(page);
	const noRing = await map.evaluate((el) => getComputedStyle(el).outlineStyle);
	expect(noRing).toBe('none');

	expect(await tabStopsBetween(page, download, zoomIn)).toEqual([
		expect.stringMatching(
			/^application: Map of Tanzania's 31 regions coloured by Women who own a mobile phone: Total, 2022; the arrow keys/
		)
	]);
	// The ring as drawn: at least 2 px, solid, in the dark blue that stands out on white.
	await download.focus();
	await page.keyboard.press('Tab');
	const ring = await map.evaluate((el) => {
		const style = getComputedStyle(el);
		return {
			style: style.outlineStyle,
			width: parseFloat(style.outlineWidth),
			colour: style.outlineColor
		};
	});
	expect(ring.style).toBe('solid');
	expect(ring.width).toBeGreaterThanOrEqual(2);
	expect(ring.colour).toBe('rgb(29, 78, 137)');

	// MapLibre takes over after a zoom; its canvas must not become a second stop.
	await zoomIn.click();
	await expect(page.getByRole('region', { name: /^Map of Tanzania's 31 regions/ })).toBeVisible({
		timeout: 30_000
	});
	expect(await tabStopsBetween(page, download, zoomIn)).toEqual([
		expect.stringMatching(/^application: Map of Tanzania's 31 regions/)
	]);
});

test('from a selected region, ArrowRight goes to its eastern neighbour', async ({ page }) => {
	await page.goto('/?region=TZ-03');
	await waitForData(page);
	await expect(
		mapPanel(page).getByRole('link', { name: 'Open the profile of Dodoma' })
	).toBeVisible();
	await mapImage(page).focus();
	await page.keyboard.press('ArrowRight');
	await expect(card(page)).toContainText('Tanga');
	await page.keyboard.press('ArrowUp');
	await expect(card(page)).toContainText('Kilimanjaro');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/region=TZ-09/);
	await expect(
		mapPanel(page).getByRole('link', { name: 'Open the profile of Kilimanjaro' })
	).toBeVisible();
});

test('a compare table too wide for the phone names the columns it scrolls to', async ({ page }) => {
	await page.goto('/compare/?regions=TZ-03,TZ-02');
	const box = page.getByRole('region', {
		name: /^Households owning a mobile phone \(synthetic\), \d{4}: the chosen regions side by side$/
	});
	const section = page.getByRole('region', {
		name: /^Households owning a mobile phone \(synthetic\) \(\d{4}\)$/
	});
	const hint = section.getByText(/^Scroll → for/);
	await expect(hint).toHaveText('Scroll → for Gap (urban − rural); Rank (1 = highest)', {
		timeout: 30_000
	});
	await expect(hint).toBeVisible();
	// By keyboard: the box takes focus and arrow keys scroll it until Rank is in view.
	await box.focus();
	await expect(box).toBeFocused();
	const rank = box.getByRole('columnheader', { name: /^Rank/ });
	/** How far Rank's header runs past the box's right edge, in CSS pixels. */
	const rankOverhang = async () =>
		(await rank.evaluate((th) => th.getBoundingClientRect().right)) -
		(await box.evaluate((el) => el.getBoundingClientRect().right));
	expect(await rankOverhang()).toBeGreaterThan(10);
	for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
	await expect.poll(rankOverhang).toBeLessThanOrEqual(1);
	await expect(hint).toHaveCount(0);
});
