/**
 * Renders a report to PNG with headless Chromium (Debian's `chromium`
 * package, driven by playwright-core): `npx tsx analyses/screenshot.ts
 * [out/report.html] [docs/report.png]`. Not part of `npm test`.
 */
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const html = resolve(process.argv[2] ?? 'out/report.html');
const png = resolve(process.argv[3] ?? 'docs/report.png');
mkdirSync(dirname(png), { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1150, height: 900 }, deviceScaleFactor: 1 });
await page.goto(`file://${html}`);
await page.screenshot({ path: png, fullPage: true });
await browser.close();
process.stdout.write(`${png}\n`);
