import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDashboard, isDashboardStale } from './build.ts';

describe('buildDashboard', () => {
  let outDir = '';
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('bundles the app, copies index.html and brings its own CJK font, quickly', async () => {
    outDir = await mkdtemp(join(tmpdir(), 'dashboard-dist-'));
    expect(await isDashboardStale(outDir)).toBe(true);
    const { ms } = await buildDashboard({ outDir });
    expect(ms).toBeLessThan(5000);

    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    for (const ref of html.matchAll(/(?:href|src)="([^":]+)"/g)) {
      expect((await stat(join(outDir, ref[1]!))).size, ref[1]).toBeGreaterThan(0);
    }
    const fontCss = await readFile(join(outDir, 'fonts', 'noto-sans-sc.css'), 'utf8');
    const files = [...fontCss.matchAll(/url\(\.\/files\/([^)]+)\)/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(100);
    expect(files.every((f) => f.endsWith('.woff2'))).toBe(true);
    await stat(join(outDir, 'fonts', 'files', files[0]!));
    expect(await isDashboardStale(outDir)).toBe(false);
  });
});
