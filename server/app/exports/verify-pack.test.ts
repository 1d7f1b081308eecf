// [FS-PACK-INTEGRITY] A pack written by the pack writer verifies; any single changed byte in any
// file, a removed or added file, and a pack signed by another key are each found and named.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE, type PackManifest } from '../../domain/exports/manifest.ts';
import { INFO, PACK_FILES, flipByte, newKey, readZip, tampered, tempDir, writeSamplePack } from './pack.fixtures.ts';
import { UnreadableZipError, verifyPack } from './verify-pack.ts';

const key = newKey();
let dir: string;
let pack: string;
let manifest: PackManifest;
let n = 0;
const out = () => join(dir, `t${++n}.zip`);

beforeAll(async () => {
  dir = tempDir();
  pack = join(dir, 'pack.zip');
  manifest = await writeSamplePack(pack, key);
});

describe('[FS-PACK-INTEGRITY] pack writer', () => {
  it('lists every file with the size and SHA-256 of the bytes in the zip, and ends with the integrity files', async () => {
    const files = await readZip(pack);
    expect([...files.keys()].slice(-3)).toEqual([MANIFEST_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE]);
    expect(manifest.files.map((f) => f.path)).toEqual(PACK_FILES);
    for (const f of manifest.files) {
      const bytes = files.get(f.path)!;
      expect(f).toEqual({ path: f.path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    expect(files.get('readings/chiller-1.csv')!.length).toBeGreaterThan(500_000); // streamed, not a toy
    expect(JSON.parse(files.get(MANIFEST_FILE)!.toString())).toEqual(manifest);
    expect(manifest).toMatchObject({ ...INFO, keyFingerprint: key.fingerprint, formatVersion: 1 });
  });

  it('refuses unsafe and reserved paths', async () => {
    const { createPackWriter } = await import('./pack-writer.ts');
    const { PassThrough } = await import('node:stream');
    const writer = createPackWriter(new PassThrough().resume(), { key, mtime: new Date(0) });
    for (const bad of ['../etc/passwd', '/abs.csv', 'a//b.csv', 'a\\b.csv', MANIFEST_FILE]) expect(() => writer.add(bad, 'x')).toThrow();
    void writer.add('a.csv', 'x');
    expect(() => writer.add('a.csv', 'y')).toThrow(/twice/);
  });
});

describe('[FS-PACK-INTEGRITY] verifier', () => {
  it('finds an untouched pack intact, with and without the pinned key', async () => {
    expect(await verifyPack(pack)).toMatchObject({ intact: true, problems: [] });
    const pinned = await verifyPack(pack, { pinnedKeyPem: key.publicPem });
    expect(pinned).toMatchObject({ intact: true, problems: [] });
    expect(pinned.notes.join()).toContain(key.fingerprint);
  });

  const every = [...PACK_FILES, MANIFEST_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE];
  it.each(every)('finds a single flipped byte in %s and names that file', async (name) => {
    const original = (await readZip(pack)).get(name)!;
    // First, middle and last byte: the headers, the body and the trailing newline of each file.
    for (const at of [0, Math.floor(original.length / 2), original.length - 1]) {
      const path = await tampered(pack, out(), (files) => files.set(name, flipByte(original, at)));
      const verdict = await verifyPack(path);
      expect(verdict.intact, `byte ${at}`).toBe(false);
      expect(verdict.problems, `byte ${at}`).toEqual([expect.stringMatching(new RegExp(`^CHANGED ${name.replace('.', '\\.')}: `))]);
    }
  });

  it('names the expected and the found hash of a changed data file', async () => {
    const path = await tampered(pack, out(), (files) => files.set('summary.txt', Buffer.from('合规率 98.1%\n')));
    const wanted = manifest.files.find((f) => f.path === 'summary.txt')!;
    const found = createHash('sha256').update('合规率 98.1%\n').digest('hex');
    expect((await verifyPack(path)).problems).toEqual([`CHANGED summary.txt: sha256 ${found} expected ${wanted.sha256}`]);
  });

  it('finds a removed file and an added file', async () => {
    const path = await tampered(pack, out(), (files) => {
      files.delete('readings/freezer-1.csv');
      files.set('readings/freezer-2.csv', Buffer.from('time,temp_c\n'));
    });
    expect((await verifyPack(path)).problems).toEqual([
      'MISSING readings/freezer-1.csv: listed in the manifest, not in the pack',
      'ADDED readings/freezer-2.csv: in the pack, not in the manifest',
    ]);
  });

  it('finds a missing manifest or signature', async () => {
    const path = await tampered(pack, out(), (files) => files.delete(SIGNATURE_FILE));
    expect((await verifyPack(path)).problems).toEqual([expect.stringMatching(/^MISSING manifest\.sig/)]);
  });

  it('refuses a pack re-signed by another key when the server key is pinned', async () => {
    const other = newKey();
    const forged = join(dir, 'forged.zip');
    await writeSamplePack(forged, other);
    expect((await verifyPack(forged)).intact).toBe(true); // self-consistent: why the key must be pinned
    const verdict = await verifyPack(forged, { pinnedKeyPem: key.publicPem });
    expect(verdict.intact).toBe(false);
    expect(verdict.problems).toEqual([`WRONG KEY: the pack says it was signed by key ${other.fingerprint}, the pinned key is ${key.fingerprint}`]);
  });

  it('with a pinned key, still checks the files when only the pack key was swapped', async () => {
    const other = newKey();
    const path = await tampered(pack, out(), (files) => {
      files.set(PUBLIC_KEY_FILE, Buffer.from(other.publicPem));
      files.set('summary.txt', Buffer.from('x'));
    });
    const verdict = await verifyPack(path, { pinnedKeyPem: key.publicPem });
    expect(verdict.problems).toEqual([
      `CHANGED ${PUBLIC_KEY_FILE}: fingerprint ${other.fingerprint} expected ${key.fingerprint}`,
      expect.stringMatching(/^CHANGED summary\.txt: 1 bytes, expected \d+$/),
    ]);
  });

  it('calls a file that is not a zip unreadable', async () => {
    const path = join(dir, 'not.zip');
    writeFileSync(path, readFileSync(pack).subarray(0, 100));
    await expect(verifyPack(path)).rejects.toBeInstanceOf(UnreadableZipError);
  });
});
