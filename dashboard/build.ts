// Builds the browser app into dashboard/dist: one JS bundle (plus the chunks it loads on
// demand, such as the video player), one CSS bundle (app styles + uPlot), index.html, and the self-hosted CJK web font (a fresh
// kiosk or headless machine has no CJK fonts, so the page brings its own).
// The server calls buildDashboard() at start when dist is missing or stale;
// `tsx dashboard/build.ts` runs it by hand.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Where the server serves `/` from. */
export const DASHBOARD_DIST = join(HERE, 'dist');
const SRC = join(HERE, 'src');
/** Regular text and the bold large numbers; other weights are not used. */
const FONT_WEIGHTS = [400, 700] as const;

export interface BuildOptions {
  outDir?: string;
  minify?: boolean;
}

export interface BuildResult {
  outDir: string;
  ms: number;
}

export async function buildDashboard(opts: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const outDir = opts.outDir ?? DASHBOARD_DIST;
  await rm(join(outDir, 'assets'), { recursive: true, force: true }); // no stale hashed bundles
  await mkdir(join(outDir, 'assets'), { recursive: true });
  const [assets] = await Promise.all([bundle(outDir, opts.minify ?? true), copyFonts(join(outDir, 'fonts'))]);
  // index.html last: its presence marks a complete build (see isDashboardStale).
  const html = await readFile(join(HERE, 'index.html'), 'utf8');
  await writeFile(
    join(outDir, 'index.html'),
    html.replace('assets/app.js', `assets/${assets.app}`).replace('assets/style.css', `assets/${assets.style}`),
  );
  return { outDir, ms: Math.round(performance.now() - started) };
}

/** True when dist has no index.html or any source file is newer than it. */
export async function isDashboardStale(outDir: string = DASHBOARD_DIST): Promise<boolean> {
  const built = await stat(join(outDir, 'index.html')).catch(() => null);
  if (!built) return true;
  const sources = [join(HERE, 'index.html'), fileURLToPath(import.meta.url), ...(await listFiles(SRC))];
  for (const file of sources) {
    if ((await stat(file)).mtimeMs > built.mtimeMs) return true;
  }
  return false;
}

/** Bundles with content-hashed names (so assets can be cached for long); returns them. */
async function bundle(outDir: string, minify: boolean): Promise<{ app: string; style: string }> {
  const result = await build({
    entryPoints: { app: join(SRC, 'main.ts'), style: join(SRC, 'styles', 'app.css') },
    outdir: join(outDir, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    bundle: true,
    format: 'esm',
    splitting: true, // the video player (JSMpeg, ~200 kB) loads when a camera is first watched
    platform: 'browser',
    target: ['chrome100', 'safari15', 'firefox100'],
    minify,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const names: Record<string, string> = {};
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    const entry = out.entryPoint && /src\/(main\.ts|styles\/app\.css)$/.exec(out.entryPoint)?.[1];
    if (entry) names[entry === 'main.ts' ? 'app' : 'style'] = basename(file);
  }
  if (!names.app || !names.style) throw new Error('dashboard build: bundle outputs not found');
  return { app: names.app, style: names.style };
}

/** Copies the fontsource CSS for the weights used, rewritten to the woff2 files only. */
async function copyFonts(fontDir: string): Promise<void> {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json'));
  await mkdir(join(fontDir, 'files'), { recursive: true });
  const css: string[] = [];
  const files = new Set<string>();
  for (const weight of FONT_WEIGHTS) {
    const text = await readFile(join(pkgDir, `${weight}.css`), 'utf8');
    // Every browser that runs the app reads woff2; the woff fallbacks would double the copy.
    css.push(text.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ''));
    for (const m of text.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g)) files.add(m[1]!);
  }
  await writeFile(join(fontDir, 'noto-sans-sc.css'), css.join('\n'));
  await Promise.all([...files].map((f) => copyIfChanged(join(pkgDir, 'files', f), join(fontDir, 'files', f))));
}

async function copyIfChanged(from: string, to: string): Promise<void> {
  const [a, b] = await Promise.all([stat(from), stat(to).catch(() => null)]);
  if (b && b.size === a.size && b.mtimeMs >= a.mtimeMs) return;
  await copyFile(from, to);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { outDir, ms } = await buildDashboard();
  console.log(`dashboard built into ${outDir} in ${ms} ms`);
}
