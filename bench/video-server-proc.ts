// Benchmark child: the real server with the built dashboard, alone in its process so
// its CPU and RSS are its own. The kitchens are registered up front (the dashboard's
// kitchen page needs its kitchen); cameras become known from the gateways' reports.
// A short videoLingerMs lets cold-start trials follow each other quickly.
import pino from 'pino';
import { createServer } from '../server/create-server.ts';
import { childArgs } from './procs.ts';

const args = childArgs();
const server = createServer({
  httpPort: 0,
  mqtt: { url: args.url!, username: args.username!, password: args.password! },
  influx: { url: args.influxUrl!, database: args.database! },
  sqlitePath: args.sqlitePath!,
  dashboardDir: args.dashboardDir,
  videoLingerMs: Number(args.lingerMs ?? 10_000),
  logger: pino({ level: 'warn' }),
});
for (const id of args.kitchens!.split(',')) {
  server.registry.saveKitchen({ id, name: id, district: 'bench', address: '', siteType: '助餐服务中心', timezone: 'Asia/Shanghai', profile: 'CN-GB31654' });
}
await server.start();
// The bench's viewers log in like anyone: an administrator's session for the pages and sockets.
const password = 'bench-admin-password';
await server.accounts.createUser({ username: 'bench-admin', displayName: 'bench', role: 'admin', password });
const login = await server.accounts.login('bench-admin', password, '127.0.0.1');
if (!login.ok) throw new Error(`bench login failed: ${login.code}`);
process.send!({ port: server.address().port, token: login.token });
// Any message asks for the video relay's counters (drops, skips: was a viewer too slow?).
process.on('message', () => process.send!({ ...server.video.stats, sessions: server.video.streaming().length }));
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server.stop().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('disconnect', stop); // the bench died: do not outlive it
