// The dashboard's live player in Debian's Chromium (playwright-core, never a
// downloaded browser): time to the first decoded frame and the glass-to-glass
// latency, both as the player itself reports them on its canvas (see
// dashboard/src/video/player.ts), so the figures are the ones a person watching gets.
import { chromium, type Browser, type Page } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const canvasOf = (kitchenId: string, cameraId: string) =>
  `.camera-tile[data-kitchen="${kitchenId}"][data-camera="${cameraId}"] canvas.camera-canvas`;

export interface FirstFrame {
  page: Page;
  /** data-first-frame-ms: from the player's creation (the click) to its first decoded frame. */
  clickMs: number;
  /** From opening the page to the first decoded frame, seen from here (page load, camera list, player chunk). */
  openMs: number;
  renderer: string;
}

/** Opens the kitchen page with `play=` (the click, made by the page) and waits for the first picture. */
export async function openPlayer(browser: Browser, httpUrl: string, cookie: string, kitchenId: string, cameraId: string): Promise<FirstFrame> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: httpUrl }]);
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => undefined)); // one context per player
  const canvas = canvasOf(kitchenId, cameraId);
  try {
    const t0 = performance.now();
    await page.goto(`${httpUrl}/#/kitchen/${kitchenId}?latency=1&play=${cameraId}`);
    await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute('data-frames') ?? 0) >= 1,
      canvas, { timeout: 20_000 });
    const openMs = performance.now() - t0;
    const [clickMs, renderer] = await page.$eval(canvas, (c) => [Number(c.getAttribute('data-first-frame-ms')), c.getAttribute('data-renderer') ?? '?'] as const);
    return { page, clickMs, openMs, renderer };
  } catch (err) {
    await page.close();
    throw err;
  }
}

/**
 * Every data-latency-ms the player sets over `ms` (one per decoded picture that carries
 * the stripe), and how many pictures it decoded (data-frames). A MutationObserver may see
 * several pictures in one batch (the player decodes a backlog in one go), so each
 * record's old value is the previous picture's.
 */
export function latencySamples(page: Page, canvas: string, ms: number): Promise<{ samples: number[]; frames: number }> {
  return page.evaluate(([sel, duration]) => new Promise<{ samples: number[]; frames: number }>((resolve, reject) => {
    const el = document.querySelector(sel);
    if (!el) return reject(new Error(`no ${sel}`));
    // No named helpers in here: tsx would wrap them in __name(), which the page does not have.
    const frames0 = Number(el.getAttribute('data-frames') ?? 0);
    const samples: number[] = [];
    const observer = new MutationObserver((records) => {
      records.slice(1).forEach((r) => r.oldValue !== null && samples.push(Number(r.oldValue)));
      const now = el.getAttribute('data-latency-ms');
      if (now !== null) samples.push(Number(now));
    });
    observer.observe(el, { attributes: true, attributeFilter: ['data-latency-ms'], attributeOldValue: true });
    setTimeout(() => {
      observer.disconnect();
      resolve({ samples, frames: Number(el.getAttribute('data-frames') ?? 0) - frames0 });
    }, duration);
  }), [canvas, ms] as const);
}
