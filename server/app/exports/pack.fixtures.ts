// Test fixtures: a small signed pack on disk, and a tamperer that rewrites a pack the way a
// person would (unzip, edit, zip again), so the zip itself stays well-formed.
import { generateKeyPairSync } from 'node:crypto';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { serverKeyOf, type ServerKey } from '../../adapters/keys/server-key.ts';
import type { ManifestInfo, PackManifest } from '../../domain/exports/manifest.ts';
import { createPackWriter } from './pack-writer.ts';

export const newKey = (): ServerKey => serverKeyOf(generateKeyPairSync('ed25519').privateKey);

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'kcw-pack-'));

export const INFO: ManifestInfo = {
  scope: { kind: 'kitchen', kitchenId: 'k007' },
  range: { from: '2026-03-01', to: '2026-03-31', zone: 'Asia/Shanghai' },
  generatedAt: '2026-04-01T01:00:00.000Z',
  generator: { name: 'kitchen-cold-watch', version: '0.1.0' },
  audit: { seq: 42, hash: 'ab'.repeat(32), chainOk: true },
};

/** Rows of a readings CSV, produced lazily so that the writer really streams. */
export function readingRows(count: number): Readable {
  let i = 0;
  return new Readable({
    read() {
      if (i === 0) this.push('\uFEFFtime,unit,temp_c,备注\n');
      if (i >= count) return void this.push(null);
      const end = Math.min(count, i + 500);
      let chunk = '';
      for (; i < end; i++) chunk += `2026-03-01T00:${String(i % 60).padStart(2, '0')}:00+08:00,冷藏柜 1,${(3 + (i % 7) / 10).toFixed(1)},\n`;
      this.push(chunk);
    },
  });
}

export const PACK_FILES = ['alerts/alerts.csv', 'readings/chiller-1.csv', 'readings/freezer-1.csv', 'summary.txt'];

/** Writes a pack of four files (two streamed, one large enough to exercise back-pressure). */
export async function writeSamplePack(path: string, key: ServerKey): Promise<PackManifest> {
  const writer = createPackWriter(createWriteStream(path), { key, mtime: new Date(INFO.generatedAt) });
  void writer.add('readings/chiller-1.csv', readingRows(20_000));
  void writer.add('readings/freezer-1.csv', readingRows(30));
  void writer.add('alerts/alerts.csv', '\uFEFFalert,severity,action\n12,critical,关门并检查门封\n');
  void writer.add('summary.txt', Buffer.from('合规率 99.2%\n'));
  return writer.finish(INFO);
}

export async function readZip(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c)).on('error', reject).on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve).on('error', reject);
    zip.readEntry();
  });
  return out;
}

export async function writeZip(path: string, files: Map<string, Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of files) zip.addBuffer(bytes, name);
  zip.end();
  const out = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(out).on('finish', resolve).on('error', reject);
  });
}

/** A copy of the pack at `from` with `edit` applied to its files. */
export async function tampered(from: string, to: string, edit: (files: Map<string, Buffer>) => void): Promise<string> {
  const files = await readZip(from);
  edit(files);
  await writeZip(to, files);
  return to;
}

export function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

export const writePem = (dir: string, name: string, key: ServerKey): string => {
  const path = join(dir, name);
  writeFileSync(path, key.publicPem);
  return path;
};
