// Who is behind a connection. authenticate binds the principal to the aedes client;
// the authorize hooks read it back. A WeakMap keeps our state off aedes's objects.
import type { Client, PublishPacket } from 'aedes';
import type { CredentialStore, Principal } from '../credentials.ts';

export type Principals = WeakMap<Client, Principal>;

export function createPrincipals(): Principals {
  return new WeakMap();
}

/**
 * The principal a PUBLISH is made for. aedes authorizes a last will with
 * `client === null` when it publishes a will left behind by a vanished broker
 * instance; the stored will still carries its clientId, and a gateway's clientId
 * is its username, so the owner can be found without a live session.
 */
export function publisherOf(
  principals: Principals,
  credentials: CredentialStore,
  client: Client | null,
  packet: PublishPacket,
): Principal | null {
  if (client) return principals.get(client) ?? null;
  const clientId = (packet as PublishPacket & { clientId?: unknown }).clientId;
  if (typeof clientId !== 'string') return null;
  const principal = credentials.principal(clientId);
  return principal?.role === 'gateway' ? principal : null;
}
