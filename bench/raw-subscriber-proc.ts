// Benchmark child: the raw ceiling's consumer. Subscribes like the server does
// and only counts (no parsing, no storage): aedes publish → subscribe, nothing
// else. A persistent QoS 1 session like the server's, so the broker does the same work.
import mqtt from 'mqtt';
import { SERVER_UP_FILTER } from '../contracts/topics.ts';
import { childArgs } from './procs.ts';

const args = childArgs();
const perMessage = Number(args.readingsPerMessage);
let readings = 0;
const client = await mqtt.connectAsync(args.url!, { clientId: 'bench-raw', username: args.username!, password: args.password!, clean: false });
client.on('message', () => void (readings += perMessage));
await client.subscribeAsync(SERVER_UP_FILTER, { qos: 1 });
process.send!({ ready: true });
process.on('message', () => process.send!({ readings }));
process.on('SIGTERM', () => void client.endAsync().then(() => process.exit(0)));
