// npm start: the whole system with a simulated district, on embedded defaults:
// a local influxd (unless INFLUX_URL), the broker, the server with the dashboard,
// and one simulated kitchen + real gateway per demo kitchen. Ctrl-C stops all;
// a second start reuses DATA_DIR.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { systemClock } from '../contracts/clock.ts';
import { loadConfig, type Config } from '../server/config.ts';
import { createServer } from '../server/create-server.ts';
import { createBroker } from '../broker/create-broker.ts';
import { createCredentialStore, generateSecret } from '../broker/credentials.ts';
import { buildDashboard, DASHBOARD_DIST } from '../dashboard/build.ts';
import { INFLUXD_BIN, startLocalInfluxd } from './local-influxd.ts';
import { demoDistrict } from './demo-district.ts';
import { startDemoKitchen, type RunningKitchen } from './demo-kitchens.ts';
import { pastLunch, pastLunchOf } from './demo-sample-history.ts';
import { demoLunchStart, lunchTroubleOf, seedLunch, startDemoCabinet, type RunningCabinet } from './demo-samples.ts';
import { cameraTroubleOf, startDemoCameras, type RunningCameras } from './demo-cameras.ts';
import { DEMO_ACCOUNTS, seedDemoAccounts } from './demo-accounts.ts';
import { seedDemoNotifications, startDemoRobots } from './demo-notifications.ts';
import { seedDemoRegistry } from './demo-registry.ts';

const cfg = loadConfig();
const log = pino({ name: 'demo', level: cfg.logLevel });

const FFMPEG_BIN = '/usr/bin/ffmpeg';

/** InfluxDB (unless INFLUX_URL points elsewhere) and ffmpeg (cameras) come from Debian's packages. */
function ensureSystemPackages(cfg: Config) {
  if ((cfg.influxUrl || existsSync(INFLUXD_BIN)) && existsSync(FFMPEG_BIN)) return;
  if (process.getuid?.() !== 0) throw new Error(`${INFLUXD_BIN} or ${FFMPEG_BIN} is missing: run "sudo bash scripts/install-system.sh" once`);
  log.info('installing InfluxDB and ffmpeg from Debian packages (first start only)');
  execFileSync('bash', [resolve('scripts/install-system.sh')], { stdio: 'inherit', env: { ...process.env, WITH_BROWSER: '0' } });
}

/** Secrets of the demo accounts, generated on the first start and kept in DATA_DIR. */
async function demoAccounts(dataDir: string, gatewayIds: string[], kitchenOf: (gw: string) => string) {
  const file = join(dataDir, 'demo-secrets.json');
  const secrets = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as Record<string, string> : {};
  const store = createCredentialStore({ path: join(dataDir, 'broker-credentials.json') });
  const ensure = async (name: string, add: (secret: string) => Promise<unknown>) => {
    if (secrets[name]) return;
    secrets[name] = generateSecret();
    await add(secrets[name]!);
  };
  await ensure('kcw-server', (s) => store.addServer('kcw-server', s, { replace: true }));
  for (const gw of gatewayIds) await ensure(gw, (s) => store.addGateway(kitchenOf(gw), gw, s, { replace: true }));
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return { store, secrets };
}

async function main() {
  const dataDir = resolve(cfg.dataDir);
  mkdirSync(dataDir, { recursive: true });
  ensureSystemPackages(cfg);
  const district = demoDistrict(cfg.demoKitchens);
  const influxd = cfg.influxUrl ? undefined : await startLocalInfluxd({ dataDir: join(dataDir, 'influxdb') });
  const influxUrl = cfg.influxUrl ?? influxd!.url;
  const { store, secrets } = await demoAccounts(dataDir, district.map((k) => k.gatewayId),
    (gw) => district.find((k) => k.gatewayId === gw)!.kitchen.id);
  const broker = await createBroker({ port: cfg.mqttPort, host: '0.0.0.0', credentials: store, logger: log.child({ name: 'broker' }) });
  await broker.start();
  const mqttUrl = `mqtt://127.0.0.1:${broker.address().port}`;
  await buildDashboard();
  // The WeCom / DingTalk stand-in first: the server posts to no loopback address unless told its origin.
  const robots = await startDemoRobots();
  const server = createServer({
    httpPort: cfg.httpPort, httpHost: cfg.httpHost,
    mqtt: { url: mqttUrl, username: 'kcw-server', password: secrets['kcw-server']! },
    influx: { url: influxUrl, database: cfg.influxDatabase },
    sqlitePath: join(dataDir, 'kitchens.sqlite'),
    publicUrl: `http://localhost:${cfg.httpPort}`, // links in WeCom / DingTalk messages
    // The administration provisions gateways into the broker's own file (it re-reads it at CONNECT).
    credentialsPath: join(dataDir, 'broker-credentials.json'), mqttPublicUrl: `mqtt://localhost:${broker.address().port}`,
    dashboardDir: DASHBOARD_DIST,
    trustProxy: cfg.trustProxy, metricsToken: cfg.metricsToken,
    notifyAllowedOrigins: [...(cfg.notifyAllowOrigins ?? []), robots.url()],
    logger: log.child({ name: 'server' }),
  });
  for (const k of district) server.registry.saveKitchen(k.kitchen);
  await seedDemoAccounts(server.accounts, district);
  seedDemoNotifications(server, district, robots, log);
  seedDemoRegistry(server, district, systemClock.now());
  // Lunch is served a couple of minutes after the start, so its sampling can be watched live.
  const lunchStart = demoLunchStart(systemClock.now());
  for (const [i, k] of district.entries()) {
    seedLunch(server.samples, k.kitchen.id, lunchStart);
    const past = pastLunch(i + 1, lunchStart, systemClock.now());
    if (past) server.samples.setMenu(k.kitchen.id, past.service, past.dishes);
  }
  await server.start();
  // The cameras first (in parallel: each waits for its ffmpeg to publish), so each gateway starts knowing its edge box.
  const cameras: RunningCameras[] = await Promise.all(district.map((k, i) => startDemoCameras(i + 1, k.kitchen.id, { clock: systemClock, lunchStart })));
  const kitchens: RunningKitchen[] = [];
  for (const [i, k] of district.entries()) {
    kitchens.push(await startDemoKitchen(k, i + 1, {
      clock: systemClock, mqttUrl, secret: secrets[k.gatewayId]!, dataDir, pollSeconds: cfg.pollSeconds, lunchStart,
      edgeBoxUrl: cameras[i]!.cameras.edgeBoxUrl, log: log.child({ name: 'gateway', gateway: k.gatewayId }),
    }));
  }
  const cabinets: RunningCabinet[] = [];
  for (const [i, k] of kitchens.entries()) cabinets.push(await startDemoCabinet(i + 1, { clock: systemClock, gateway: k.gateway, lunchStart }));
  void sealPastSamples(server, district.map((k) => k.kitchen.id), lunchStart);
  printBanner(cfg, server.address().port, broker.address().port, influxUrl, kitchens, district.map((k) => k.kitchen.name), lunchStart);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log.info('stopping…');
    for (const c of cabinets) await c.stop().catch(() => undefined);
    for (const k of kitchens) await k.gateway.stop().catch(() => undefined);
    for (const k of kitchens) await k.sim.stop().catch(() => undefined);
    await Promise.all(cameras.map((c) => c.stop().catch(() => undefined)));
    await server.stop();
    await robots.stop();
    await broker.stop();
    await influxd?.stop();
    log.info('stopped; data kept in %s', dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** The seal of a past lunch's sample (a regulator's act, through the ledger) once the gateway has reported it. */
async function sealPastSamples(server: ReturnType<typeof createServer>, kitchenIds: string[], lunchStart: number) {
  for (const [i, kitchenId] of kitchenIds.entries()) {
    const past = pastLunch(i + 1, lunchStart, systemClock.now());
    if (!past?.sealBy) continue;
    for (let attempt = 0; attempt < 120; attempt++) {
      const sample = server.samples.forDay(kitchenId, past.service.date).find((s) => s.slot === 2);
      if (sample) {
        if (sample.sealedAt === null) server.sampleLedger.publish(server.samples.seal(sample.id, systemClock.now(), past.sealBy));
        break;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

function printBanner(
  cfg: Config, httpPort: number, mqttPort: number, influxUrl: string, kitchens: RunningKitchen[], names: string[], lunchStart: number,
) {
  const troubles = kitchens.flatMap((k, i) => [k.trouble, lunchTroubleOf(i + 1), pastLunchOf(i + 1)?.description, cameraTroubleOf(i + 1)].filter(Boolean)
    .map((t) => `    ${names[i]} (${k.sim.kitchenId}): ${t}`));
  const lunchAt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }).format(lunchStart);
  console.log([
    '',
    `  Dashboard:  http://localhost:${httpPort}/   log in as (demo passwords, also in the README):`,
    ...DEMO_ACCOUNTS.map((a) => `              ${a.username.padEnd(15)} ${a.password.padEnd(20)} ${a.role.padEnd(16)} ${a.sees}`),
    `  REST API:   http://localhost:${httpPort}/api (OpenAPI: /api/openapi.json) · /healthz · /metrics`,
    `  MQTT:       mqtt://localhost:${mqttPort}   InfluxDB: ${influxUrl}   data: ${resolve(cfg.dataDir)}`,
    `  District:   ${kitchens.length} simulated kitchens, ${kitchens.length * 4} units, polled every ${cfg.pollSeconds} s`,
    `  Lunch:      served at ${lunchAt} (Asia/Shanghai); each kitchen's four dishes are sampled over the next 15 min:`,
    '              open a kitchen to watch its sample board (今日留样) fill up.',
    `  Cameras:    every kitchen's cameras (明厨亮灶) play live on its page; all of them on the video wall:`,
    `              http://localhost:${httpPort}/#/wall`,
    '  Scripted trouble:',
    ...troubles,
    '  Ctrl-C stops everything; the next start reuses the data.',
    '',
  ].join('\n'));
}

main().catch((err) => {
  log.error({ err }, 'demo failed to start');
  process.exit(1);
});
