// CONNECT: who is this, and may it use this clientId?
import type { AedesOptions, AuthErrorCode, AuthenticateError, Client } from 'aedes';
import type { Logger } from 'pino';
import type { CredentialStore, Principal } from '../credentials.ts';
import type { Principals } from './principals.ts';
import type { Refusals } from './refusals.ts';

type AuthenticateHandler = NonNullable<AedesOptions['authenticate']>;

// CONNACK return codes, MQTT 3.1.1 table 3.1. aedes declares AuthErrorCode as a
// `const enum` in its .d.ts only (no runtime object), so it cannot be used as a value.
const IDENTIFIER_REJECTED = 2;
const SERVER_UNAVAILABLE = 3;
const BAD_USERNAME_OR_PASSWORD = 4;

function connackError(returnCode: number, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode: returnCode as AuthErrorCode });
}

/**
 * A gateway's clientId must be its gatewayId: a CONNECT with an existing clientId
 * takes over that session [MQTT-3.1.4-2], so only the gateway's own credentials may
 * use it. The server chooses its clientId freely, but never a gateway's.
 */
export function clientIdAllowed(principal: Principal, clientId: string, credentials: CredentialStore): boolean {
  if (principal.role === 'gateway') return clientId === principal.gatewayId;
  return credentials.principal(clientId)?.role !== 'gateway';
}

export interface AuthenticateDeps {
  credentials: CredentialStore;
  principals: Principals;
  refusals: Refusals;
  logger: Logger;
}

export function createAuthenticate({ credentials, principals, refusals, logger }: AuthenticateDeps): AuthenticateHandler {
  async function check(client: Client, username?: string, password?: Buffer): Promise<AuthenticateError | null> {
    const principal = username && password ? await credentials.verify(username, password) : null;
    if (!principal) {
      refusals.refuse(client, 'bad_credentials', { username: username ?? null });
      return connackError(BAD_USERNAME_OR_PASSWORD, 'bad username or password');
    }
    if (!clientIdAllowed(principal, client.id, credentials)) {
      refusals.refuse(client, 'client_id_mismatch', { username });
      return connackError(IDENTIFIER_REJECTED, 'clientId does not belong to this account');
    }
    principals.set(client, principal);
    return null;
  }

  return (client, username, password, done) => {
    check(client, username, password).then(
      (error) => (error ? done(error, false) : done(null, true)),
      (err: unknown) => {
        // The credential file could not be read: not the client's fault, so not a refusal.
        logger.error({ err, clientId: client.id }, 'credential check failed');
        done(connackError(SERVER_UNAVAILABLE, 'server unavailable'), false);
      },
    );
  };
}
