// CLI: provision MQTT accounts in DATA_DIR/broker-credentials.json.
//
//   tsx broker/provision.ts <kitchenId> <gatewayId> [--rotate]
//   tsx broker/provision.ts --server <username> [--rotate]
//
// The secret is printed once, on stdout, and never stored: only its scrypt hash is.
// A running broker picks the new account up at the next CONNECT (no restart).
import { credentialsPathOf, dataDirOf } from './config.ts';
import { CredentialError, createCredentialStore, generateSecret } from './credentials.ts';

const USAGE = `usage: tsx broker/provision.ts <kitchenId> <gatewayId> [--rotate]
       tsx broker/provision.ts --server <username> [--rotate]`;

type Request = { role: 'gateway'; kitchenId: string; gatewayId: string; replace: boolean }
  | { role: 'server'; username: string; replace: boolean };

function parseArgs(argv: string[]): Request | null {
  const replace = argv.includes('--rotate');
  const args = argv.filter((a) => a !== '--rotate');
  if (args[0] === '--server' && args.length === 2) return { role: 'server', username: args[1]!, replace };
  if (args.length === 2 && !args.some((a) => a.startsWith('--'))) {
    return { role: 'gateway', kitchenId: args[0]!, gatewayId: args[1]!, replace };
  }
  return null;
}

async function provision(request: Request, path: string): Promise<string> {
  const store = createCredentialStore({ path });
  await store.load();
  const secret = generateSecret();
  if (request.role === 'gateway') {
    await store.addGateway(request.kitchenId, request.gatewayId, secret, { replace: request.replace });
  } else {
    await store.addServer(request.username, secret, { replace: request.replace });
  }
  return secret;
}

const request = parseArgs(process.argv.slice(2));
if (!request) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const path = credentialsPathOf(dataDirOf(process.env));
try {
  const secret = await provision(request, path);
  const who = request.role === 'gateway' ? `gateway ${request.gatewayId} of kitchen ${request.kitchenId}` : `server account ${request.username}`;
  process.stderr.write(`${request.replace ? 'rotated' : 'provisioned'} ${who} in ${path}; the secret is shown only once:\n`);
  process.stdout.write(`${secret}\n`);
} catch (err) {
  if (!(err instanceof CredentialError)) throw err;
  process.stderr.write(`provision failed (${err.code}): ${err.message}\n`);
  process.exit(1);
}
