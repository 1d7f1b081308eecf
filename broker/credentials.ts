// MQTT credentials, kept in one JSON file (DATA_DIR/broker-credentials.json).
// Only scrypt hashes reach the disk; a gateway's username is its gatewayId and
// it is bound to exactly one kitchen, which is what the topic policy enforces.
import { createHmac, randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isValidId } from '../contracts/topics.ts';

export type Principal =
  | { role: 'gateway'; username: string; kitchenId: string; gatewayId: string }
  | { role: 'server'; username: string };

export interface CredentialEntry {
  username: string;
  role: 'gateway' | 'server';
  kitchenId?: string;
  gatewayId?: string;
  /** `scrypt$N$r$p$salt$key`, salt and key in base64url. */
  hash: string;
}

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** About 16 MiB and some tens of ms per verification: fine for a few hundred gateways. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 16384, r: 8, p: 1 };
export const CREDENTIALS_FILE = 'broker-credentials.json';
const KEY_LENGTH = 32;
const MIN_SECRET_LENGTH = 16;

export type CredentialErrorCode = 'invalid_id' | 'weak_secret' | 'already_exists' | 'bad_file';

export class CredentialError extends Error {
  constructor(
    readonly code: CredentialErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CredentialError';
  }
}

export interface CredentialStore {
  /** (Re)reads the file; a missing file is an empty store. */
  load(): Promise<void>;
  /** Adds a gateway, or with `replace` rotates its secret (same kitchen only). */
  addGateway(kitchenId: string, gatewayId: string, secret: string, opts?: { replace?: boolean }): Promise<void>;
  addServer(username: string, secret: string, opts?: { replace?: boolean }): Promise<void>;
  verify(username: string, password: string | Buffer): Promise<Principal | null>;
  /** The principal of a known username, without a password (for wills published without a live client). */
  principal(username: string): Principal | null;
}

export interface CredentialStoreOptions {
  path: string;
  cost?: ScryptCost;
}

/** A random secret for a new account: 24 bytes, base64url (32 characters). */
export function generateSecret(): string {
  return randomBytes(24).toString('base64url');
}

function derive(password: BinaryLike, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const maxmem = 256 * cost.N * cost.r;
    scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashSecret(secret: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function checkSecret(hash: string, password: string | Buffer): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function toPrincipal(entry: CredentialEntry): Principal {
  return entry.role === 'gateway'
    ? { role: 'gateway', username: entry.username, kitchenId: entry.kitchenId!, gatewayId: entry.gatewayId! }
    : { role: 'server', username: entry.username };
}

function parseFile(text: string, path: string): CredentialEntry[] {
  const data = JSON.parse(text) as { entries?: unknown };
  if (!Array.isArray(data.entries)) throw new CredentialError('bad_file', `${path}: no "entries" array`);
  return data.entries as CredentialEntry[];
}

export function createCredentialStore({ path, cost = DEFAULT_SCRYPT_COST }: CredentialStoreOptions): CredentialStore {
  let entries = new Map<string, CredentialEntry>();
  let fileStamp = '';
  // Successful verifications, keyed by an HMAC of the password under a per-process
  // key: a reconnect storm then costs one scrypt per gateway, not one per attempt.
  const cacheKey = randomBytes(32);
  const verified = new Map<string, { hash: string; tag: Buffer }>();
  const tagOf = (password: string | Buffer) => createHmac('sha256', cacheKey).update(password).digest();

  async function currentStamp(): Promise<string> {
    try {
      const s = await stat(path);
      // the CLI replaces the file by rename, so the inode changes on every write
      return `${s.ino}:${s.mtimeMs}:${s.size}`;
    } catch {
      return 'missing';
    }
  }

  async function load(): Promise<void> {
    const stamp = await currentStamp();
    const list = stamp === 'missing' ? [] : parseFile(await readFile(path, 'utf8'), path);
    entries = new Map(list.map((e) => [e.username, e]));
    fileStamp = stamp;
  }

  /** Picks up accounts provisioned by the CLI while the broker runs: one stat per call. */
  async function refresh(): Promise<void> {
    if ((await currentStamp()) !== fileStamp) await load();
  }

  async function save(): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    const body = JSON.stringify({ version: 1, entries: [...entries.values()] }, null, 2);
    await writeFile(tmp, `${body}\n`, { mode: 0o600 });
    await rename(tmp, path);
    fileStamp = await currentStamp();
  }

  async function put(entry: Omit<CredentialEntry, 'hash'>, secret: string, replace: boolean): Promise<void> {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new CredentialError('weak_secret', `secret must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    await refresh();
    const existing = entries.get(entry.username);
    const sameAccount =
      existing?.role === entry.role && existing.kitchenId === entry.kitchenId && existing.gatewayId === entry.gatewayId;
    if (existing && !(replace && sameAccount)) {
      throw new CredentialError('already_exists', `username ${entry.username} is already provisioned`);
    }
    entries.set(entry.username, { ...entry, hash: await hashSecret(secret, cost) });
    await save();
  }

  return {
    load,
    async addGateway(kitchenId, gatewayId, secret, opts = {}) {
      if (!isValidId(kitchenId) || !isValidId(gatewayId)) {
        throw new CredentialError('invalid_id', `invalid kitchen or gateway id: ${kitchenId}/${gatewayId}`);
      }
      await put({ username: gatewayId, role: 'gateway', kitchenId, gatewayId }, secret, opts.replace ?? false);
    },
    async addServer(username, secret, opts = {}) {
      if (!isValidId(username)) throw new CredentialError('invalid_id', `invalid username: ${username}`);
      await put({ username, role: 'server' }, secret, opts.replace ?? false);
    },
    async verify(username, password) {
      await refresh();
      const entry = entries.get(username);
      if (!entry) return null;
      const tag = tagOf(password);
      const hit = verified.get(username);
      if (hit && hit.hash === entry.hash && timingSafeEqual(hit.tag, tag)) return toPrincipal(entry);
      if (!(await checkSecret(entry.hash, password))) return null;
      verified.set(username, { hash: entry.hash, tag });
      return toPrincipal(entry);
    },
    principal(username) {
      const entry = entries.get(username);
      return entry ? toPrincipal(entry) : null;
    },
  };
}
