import { chromium } from '@playwright/test';
const [url, out, w, h, ...hashes] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url); await p.locator('[data-app-state="ready"]').waitFor();
for (const hash of hashes) { await p.evaluate(h => location.hash = h, '#/' + hash); await p.waitForTimeout(300); await p.screenshot({ path: `${out}-${hash}.png` }); }
await b.close();
