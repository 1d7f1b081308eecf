import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialStore, generateSecret, type CredentialStore } from './credentials.ts';
import { TEST_SCRYPT_COST } from './test-broker.ts';

let dir: string;
let path: string;
let store: CredentialStore;
const open = () => createCredentialStore({ path, cost: TEST_SCRYPT_COST });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kcw-creds-'));
  path = join(dir, 'nested', 'broker-credentials.json');
  store = open();
  await store.load();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('credential store', () => {
  it('stores only a salted scrypt hash, in a file only the owner can read', async () => {
    const secret = generateSecret();
    await store.addGateway('kitchen-a', 'gw-a', secret);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(secret);
    const [entry] = JSON.parse(text).entries;
    expect(entry).toMatchObject({ username: 'gw-a', role: 'gateway', kitchenId: 'kitchen-a', gatewayId: 'gw-a' });
    expect(entry.hash).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('verifies the right secret only', async () => {
    const secret = generateSecret();
    await store.addGateway('kitchen-a', 'gw-a', secret);
    expect(await store.verify('gw-a', secret)).toEqual({
      role: 'gateway', username: 'gw-a', kitchenId: 'kitchen-a', gatewayId: 'gw-a',
    });
    expect(await store.verify('gw-a', Buffer.from(secret))).not.toBeNull(); // cached path, as aedes passes a Buffer
    expect(await store.verify('gw-a', `${secret}x`)).toBeNull();
    expect(await store.verify('gw-x', secret)).toBeNull();
  });

  it('keeps gatewayIds unique across the district and rotates a secret only within its kitchen', async () => {
    const first = generateSecret();
    await store.addGateway('kitchen-a', 'gw-a', first);
    await expect(store.addGateway('kitchen-b', 'gw-a', generateSecret())).rejects.toMatchObject({ code: 'already_exists' });
    await expect(store.addGateway('kitchen-b', 'gw-a', generateSecret(), { replace: true })).rejects.toMatchObject({
      code: 'already_exists',
    });
    await expect(store.addServer('gw-a', generateSecret())).rejects.toMatchObject({ code: 'already_exists' });

    expect(await store.verify('gw-a', first)).not.toBeNull();
    const second = generateSecret();
    await store.addGateway('kitchen-a', 'gw-a', second, { replace: true });
    expect(await store.verify('gw-a', first)).toBeNull(); // the verification cache follows the hash
    expect(await store.verify('gw-a', second)).not.toBeNull();
  });

  it('picks up accounts another process provisioned', async () => {
    const secret = generateSecret();
    await open().addServer('kcw-server', secret);
    expect(await store.verify('kcw-server', secret)).toEqual({ role: 'server', username: 'kcw-server' });
    expect(store.principal('kcw-server')).toEqual({ role: 'server', username: 'kcw-server' });
  });

  it('refuses ids that would break the topic tree, and short secrets', async () => {
    await expect(store.addGateway('kitchen/a', 'gw-a', generateSecret())).rejects.toMatchObject({ code: 'invalid_id' });
    await expect(store.addGateway('kitchen-a', 'gw+', generateSecret())).rejects.toMatchObject({ code: 'invalid_id' });
    await expect(store.addServer('server', 'short')).rejects.toMatchObject({ code: 'weak_secret' });
  });

  it('generates distinct url-safe secrets', () => {
    const secrets = new Set(Array.from({ length: 100 }, generateSecret));
    expect(secrets.size).toBe(100);
    for (const s of secrets) expect(s).toMatch(/^[\w-]{32}$/);
  });
});
