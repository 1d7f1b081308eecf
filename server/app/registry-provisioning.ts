// Gateway provisioning from the administration (issue 5): a gateway's broker account, created in
// the broker's own credentials file (broker/credentials.ts, the same store `npm run
// provision-gateway` writes). The broker re-reads the file at the next CONNECT. The secret is in
// the answer only: its scrypt hash is stored, and neither the log nor the audit entry carry it.
import type { ProvisionedGateway } from '../../contracts/registry.ts';
import { TOPIC_ROOT } from '../../contracts/topics.ts';
import { CredentialError, createCredentialStore, generateSecret, type CredentialStore, type ScryptCost } from '../../broker/credentials.ts';
import type { Actor } from './alert-actions.ts';
import type { AuditPort } from './audit.ts';

export type ProvisionErrorCode = 'gateway_exists' | 'gateway_not_found' | 'provisioning_unavailable';

export class ProvisionError extends Error {
  constructor(readonly code: ProvisionErrorCode, message: string) {
    super(message);
    this.name = 'ProvisionError';
  }
}

export interface ProvisioningDeps {
  /** The broker's credentials file; absent: the server cannot provision (503). */
  credentialsPath?: string;
  /** scrypt cost of new secrets' hashes (tests use a cheap one). */
  cost?: ScryptCost;
  /** The broker's address as a gateway reaches it, shown with the secret; absent: null. */
  mqttPublicUrl?: string;
  audit: AuditPort;
}

export function createProvisioning(deps: ProvisioningDeps) {
  const store: CredentialStore | undefined = deps.credentialsPath ? createCredentialStore({ path: deps.credentialsPath, cost: deps.cost }) : undefined;
  // One provisioning at a time: the store reads, checks and rewrites the whole file.
  let queue: Promise<unknown> = Promise.resolve();

  async function provision(kitchenId: string, gatewayId: string, rotate: boolean, by: Actor): Promise<ProvisionedGateway> {
    if (!store) throw new ProvisionError('provisioning_unavailable', 'the server was started without the broker credentials file');
    // A rotation replaces a secret: with none to replace it would create a gateway, audited as rotated.
    if (rotate) {
      await store.load(); // the file as it is now (the CLI may have written it)
      if (store.principal(gatewayId) === null) throw new ProvisionError('gateway_not_found', `${gatewayId} is not provisioned: send it without rotate to create it`);
    }
    const secret = generateSecret();
    try {
      await store.addGateway(kitchenId, gatewayId, secret, { replace: rotate });
    } catch (err) {
      if (err instanceof CredentialError && err.code === 'already_exists') {
        throw new ProvisionError('gateway_exists', rotate
          ? `${gatewayId} is provisioned for another kitchen (or is not a gateway): choose another id`
          : `${gatewayId} is provisioned already: send rotate: true to replace its secret`);
      }
      throw err;
    }
    deps.audit.record({
      actor: by.displayName, role: by.role, action: rotate ? 'gateway.rotated' : 'gateway.provisioned', subject: `gateway:${gatewayId}`,
      kitchenId, data: { gatewayId, username: by.username },
    });
    return {
      kitchenId, gatewayId, username: gatewayId, secret, mqttUrl: deps.mqttPublicUrl ?? null, topicPrefix: `${TOPIC_ROOT}/${kitchenId}/${gatewayId}`,
    };
  }

  return {
    available: (): boolean => store !== undefined,
    provision(kitchenId: string, gatewayId: string, rotate: boolean, by: Actor): Promise<ProvisionedGateway> {
      const run = queue.then(() => provision(kitchenId, gatewayId, rotate, by));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

export type Provisioning = ReturnType<typeof createProvisioning>;
