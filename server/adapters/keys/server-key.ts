// The server's Ed25519 key pair, which signs inspection packs. Generated once under DATA_DIR
// and loaded after, so that every pack a server ever wrote verifies against the same pinned
// key. The private key file is 0600 (only the server's user reads it); the public key is
// always derived from it, never read from a file that could have been swapped.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyFingerprint, publicPemOf } from '../../domain/exports/manifest.ts';

export const PRIVATE_KEY_FILE = 'server-ed25519.key';
export const PUBLIC_KEY_FILE = 'server-ed25519.pub';

export interface ServerKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM, as shipped in every pack and given to inspectors to pin. */
  publicPem: string;
  /** SHA-256 of the public key's DER, hex: what an operator prints and reads out. */
  fingerprint: string;
}

/** `<dataDir>/keys/`: the key pair, created on the first call. */
export function loadOrCreateServerKey(dataDir: string): ServerKey {
  const dir = join(dataDir, 'keys');
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privateKey = readPrivateKey(privatePath) ?? createPrivateKeyFile(privatePath);
  const key = serverKeyOf(privateKey);
  // A convenience copy for operators; the server itself never reads it.
  writeFileSync(join(dir, PUBLIC_KEY_FILE), key.publicPem, { mode: 0o644 });
  return key;
}

export function serverKeyOf(privateKey: KeyObject): ServerKey {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicPem: publicPemOf(publicKey), fingerprint: keyFingerprint(publicKey) };
}

function readPrivateKey(path: string): KeyObject | null {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 private key`);
  return key;
}

function createPrivateKeyFile(path: string): KeyObject {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    // 'wx': if another process created the key in the meantime, keep theirs, never overwrite a key.
    writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readPrivateKey(path)!;
    throw err;
  }
  chmodSync(path, 0o600); // the mode above is reduced by the umask, never widened; make it exact
  return privateKey;
}
