// [FS-PACK-INTEGRITY] The verify-pack command's verdicts and exit codes: 0 intact, 1 not, 2 usage
// or unreadable zip. Spawned for real, a few times only (each start costs a second).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flipByte, newKey, readZip, tampered, tempDir, writePem, writeSamplePack } from './pack.fixtures.ts';

const key = newKey();
let dir: string;
let pack: string;

const run = (...args: string[]) => {
  const r = spawnSync('npx', ['tsx', 'scripts/verify-pack.ts', ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout + r.stderr };
};

beforeAll(async () => {
  dir = tempDir();
  pack = join(dir, 'pack.zip');
  await writeSamplePack(pack, key);
});

describe('[FS-PACK-INTEGRITY] npm run verify-pack', () => {
  it('exits 0 on an intact pack with the pinned key, 1 on a changed one naming the file', async () => {
    const ok = run(pack, '--key', writePem(dir, 'server.pem', key));
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain(`INTACT ${pack}`);
    expect(ok.out).toContain(`Signed by the pinned key ${key.fingerprint}`);

    const csv = (await readZip(pack)).get('readings/freezer-1.csv')!;
    const changed = await tampered(pack, join(dir, 'changed.zip'), (files) => files.set('readings/freezer-1.csv', flipByte(csv, 40)));
    const bad = run(changed);
    expect(bad.code, bad.out).toBe(1);
    expect(bad.out).toContain(`NOT INTACT ${changed}`);
    expect(bad.out).toMatch(/CHANGED readings\/freezer-1\.csv: sha256 [0-9a-f]{64} expected [0-9a-f]{64}/);
  });

  it('exits 2 on a usage error and on a file that is not a zip', () => {
    const usage = run();
    expect(usage.code).toBe(2);
    expect(usage.out).toContain('usage: npm run verify-pack');
    const junk = join(dir, 'junk.zip');
    writeFileSync(junk, 'not a zip');
    const unreadable = run(junk);
    expect(unreadable.code).toBe(2);
    expect(unreadable.out).toContain('cannot verify');
  });
});
