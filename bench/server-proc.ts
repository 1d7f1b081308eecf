// Benchmark child: the real server (ingest, rules, InfluxDB writer, HTTP).
import pino from 'pino';
import { createServer } from '../server/create-server.ts';
import { childArgs } from './procs.ts';

const args = childArgs();
const server = createServer({
  httpPort: 0,
  mqtt: { url: args.url!, username: args.username!, password: args.password! },
  influx: { url: args.influxUrl!, database: args.database! },
  sqlitePath: args.sqlitePath!,
  logger: pino({ level: 'warn' }),
});
await server.start();
process.send!({ port: server.address().port });
process.on('message', async () => {
  const m = await server.metrics.registry.getMetricsAsJSON();
  const value = (name: string) => m.find((x) => x.name === name)?.values.reduce((s, v) => s + v.value, 0) ?? 0;
  process.send!({ rejected: value('kcw_messages_rejected_total'), bufferFull: value('kcw_write_buffer_full_total'), writeErrors: value('kcw_influx_write_errors_total') });
});
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
