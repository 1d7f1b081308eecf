// Benchmark child: the real broker with the project's policy.
import { createBroker } from '../broker/create-broker.ts';
import { createCredentialStore } from '../broker/credentials.ts';
import { childArgs } from './procs.ts';

const args = childArgs();
const broker = await createBroker({ port: 0, credentials: createCredentialStore({ path: args.credentials!, cost: { N: 1024, r: 8, p: 1 } }) });
await broker.start();
process.send!({ port: broker.address().port });
process.on('SIGTERM', () => void broker.stop().then(() => process.exit(0)));
