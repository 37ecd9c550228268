import { chromium } from '@playwright/test';
const url = process.argv[2] ?? 'http://localhost:4173/';
const out = process.argv[3] ?? '/tmp/shot.png';
const width = Number(process.argv[4] ?? 1280);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--enable-unsafe-swiftshader','--use-angle=swiftshader','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width, height: 1000 } });
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('request', (r) => { if (!r.url().startsWith('http://localhost:4173')) console.log('EXTERNAL', r.url()); });
await page.goto(url);
await page.waitForTimeout(Number(process.argv[5] ?? 9000));
if (process.argv[6]) { await eval(process.argv[6]); await page.waitForTimeout(2000); }
await page.screenshot({ path: out, fullPage: true });
await browser.close();
