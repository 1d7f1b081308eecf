// Screenshots of the dashboard in headless Chromium, for a person to look at.
//   tsx scripts/screenshot.ts [baseUrl] [outDir] [route ...]
// e.g. tsx scripts/screenshot.ts http://127.0.0.1:8080 /tmp/shots '#/' '#/kitchen/k01'
// Needs Debian's chromium (scripts/install-system.sh). Prints console errors it saw.
// SHOT_USER and SHOT_PASSWORD log in first (a demo account from the README).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tablet', width: 1024, height: 768 },
] as const;
const LANGS = ['zh-CN', 'en'] as const;

const [baseUrl = 'http://127.0.0.1:8080', outDir = '/tmp/dashboard-shots', ...args] = process.argv.slice(2);
const routes = args.length ? args : ['#/'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
await mkdir(outDir, { recursive: true });
try {
  for (const vp of VIEWPORTS) {
    for (const lang of LANGS) {
      const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, timezoneId: 'Europe/London' });
      await context.addInitScript((l) => localStorage.setItem('kcw.lang', l), lang);
      if (process.env.SHOT_USER) await logIn(context, process.env.SHOT_USER, process.env.SHOT_PASSWORD ?? '');
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && console.error(`[console] ${m.text()}`));
      page.on('pageerror', (e) => console.error(`[pageerror] ${e.message}`));
      for (const route of routes) {
        await page.goto(`${baseUrl}/${route}`, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(Number(process.env.SHOT_WAIT_MS ?? 600)); // live video needs a few seconds
        const slug = route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'district';
        const file = join(outDir, `${slug}-${vp.name}-${lang}.png`);
        await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}

/** The context's request client shares its cookie jar, so its pages carry the session. */
async function logIn(context: BrowserContext, username: string, password: string) {
  const res = await context.request.post(`${baseUrl}/api/auth/login`, { data: { username, password }, headers: { origin: baseUrl } });
  if (!res.ok()) throw new Error(`login as ${username} failed: ${res.status()} ${await res.text()}`);
}
