// The server key is made once, kept private (0600) and the same on every later start.
import { createHash, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signBytes } from '../../domain/exports/manifest.ts';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, loadOrCreateServerKey } from './server-key.ts';

describe('[FS-PACK-INTEGRITY] server key', () => {
  it('is generated once with a 0600 private key file, then loaded unchanged', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kcw-key-'));
    const first = loadOrCreateServerKey(dataDir);
    expect(statSync(join(dataDir, 'keys', PRIVATE_KEY_FILE)).mode & 0o777).toBe(0o600);
    const again = loadOrCreateServerKey(dataDir);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(readFileSync(join(dataDir, 'keys', PUBLIC_KEY_FILE), 'utf8')).toBe(first.publicPem);
    const sig = signBytes(Buffer.from('manifest'), again.privateKey);
    expect(verify(null, Buffer.from('manifest'), first.publicKey, sig)).toBe(true);
  });

  it('prints as the SHA-256 of the public key DER', () => {
    const key = loadOrCreateServerKey(mkdtempSync(join(tmpdir(), 'kcw-key-')));
    const der = key.publicKey.export({ type: 'spki', format: 'der' });
    expect(key.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    expect(key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});
