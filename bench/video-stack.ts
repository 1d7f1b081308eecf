// The live-video path on real parts, each in its own process so its CPU is its own:
// influxd (the server will not start without it; idle here), the broker, the server
// with the built dashboard, the simulated cameras, and the gateways. Kitchens'
// cameras and gateways start and stop per phase; everything stops in stop(), also
// after a failed start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CameraDto } from '../contracts/camera-api.ts';
import { createCredentialStore, generateSecret } from '../broker/credentials.ts';
import { buildDashboard } from '../dashboard/build.ts';
import { startLocalInfluxd, type LocalInfluxd } from '../scripts/local-influxd.ts';
import { startChild, type Child } from './procs.ts';
import { SESSION_COOKIE } from '../contracts/auth.ts';
import type { CameraKitchenSpec, CamerasRequest, GatewaysRequest, GatewayStreamStats, StartedKitchen } from './video-kitchens.ts';
import { sleep, until } from './video-viewers.ts';

export interface VideoStats { chunksIn: number; bytesIn: number; framesOut: number; bytesDropped: number; viewerSkips: number; sessions: number }

export interface VideoStack {
  httpUrl: string;
  /** The Cookie header of the bench's logged-in session. */
  cookie: string;
  wsUrl: string;
  influxd: LocalInfluxd;
  broker: Child<{ port: number }>;
  server: Child<{ port: number }>;
  camerasProc: Child<unknown>;
  gatewaysProc: Child<unknown>;
  /** Starts these kitchens' cameras and gateways; resolves when the server lists their cameras online. */
  startKitchens(specs: CameraKitchenSpec[]): Promise<StartedKitchen[]>;
  stopKitchens(kitchenIds: string[]): Promise<void>;
  listCameras(kitchenId?: string): Promise<CameraDto[]>;
  videoStats(): Promise<VideoStats>;
  gatewayStats(): Promise<GatewayStreamStats>;
  stop(): Promise<void>;
}

/** SIGTERM, then SIGKILL if the child has not gone within `graceMs`. */
async function stopChild(child: Child<unknown>, graceMs = 8000): Promise<void> {
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), graceMs);
  await child.stop();
  clearTimeout(timer);
}

async function request<T>(child: Child<unknown>, msg: CamerasRequest | GatewaysRequest): Promise<T> {
  const reply = await child.request<T & { error?: string }>(msg);
  if (reply.error) throw new Error(reply.error);
  return reply;
}

export async function startVideoStack(kitchenIds: readonly string[], opts: { lingerMs: number }): Promise<VideoStack> {
  const dir = mkdtempSync(join(tmpdir(), 'kcw-video-bench-'));
  const stops: (() => Promise<unknown>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch((err: Error) => console.error(`stopping: ${err.message}`));
  };
  try {
    const { outDir } = await buildDashboard({ outDir: join(dir, 'dashboard') });
    const influxd = await startLocalInfluxd({ dataDir: join(dir, 'influx') });
    stops.push(() => influxd.stop());
    const credentials = createCredentialStore({ path: join(dir, 'credentials.json'), cost: { N: 1024, r: 8, p: 1 } });
    const secrets = new Map<string, string>();
    for (const k of kitchenIds) {
      secrets.set(k, generateSecret());
      await credentials.addGateway(k, `gw-${k}`, secrets.get(k)!);
    }
    const serverSecret = generateSecret();
    await credentials.addServer('kcw-server', serverSecret);
    const broker = await startChild<{ port: number }>('./broker-proc.ts', { credentials: join(dir, 'credentials.json') });
    stops.push(() => stopChild(broker));
    const mqttUrl = `mqtt://127.0.0.1:${broker.info.port}`;
    const server = await startChild<{ port: number; token: string }>('./video-server-proc.ts', {
      url: mqttUrl, username: 'kcw-server', password: serverSecret, influxUrl: influxd.url, database: 'video_bench',
      sqlitePath: join(dir, 'server.sqlite'), dashboardDir: outDir, lingerMs: String(opts.lingerMs), kitchens: kitchenIds.join(','),
    });
    stops.push(() => stopChild(server));
    // Gateways stop before the cameras they pull from (they would log the lost streams).
    const cameras = await startChild<unknown>('./video-cameras-proc.ts', {});
    stops.push(() => stopChild(cameras));
    const gateways = await startChild<unknown>('./video-gateways-proc.ts', { url: mqttUrl });
    stops.push(() => stopChild(gateways));
    const httpUrl = `http://127.0.0.1:${server.info.port}`;
    const cookie = `${SESSION_COOKIE}=${server.info.token}`;
    const listCameras = async (kitchenId?: string) =>
      (await (await fetch(`${httpUrl}/api/cameras${kitchenId ? `?kitchen=${kitchenId}` : ''}`, { headers: { cookie } })).json()) as CameraDto[];

    return {
      httpUrl, cookie, wsUrl: httpUrl.replace('http', 'ws'), influxd, broker, server, camerasProc: cameras, gatewaysProc: gateways, stop, listCameras,
      videoStats: () => server.request<VideoStats>({}),
      gatewayStats: () => request<GatewayStreamStats>(gateways, { op: 'stats' }),
      async startKitchens(specs) {
        const { kitchens } = await request<{ kitchens: StartedKitchen[] }>(cameras, { op: 'start', kitchens: specs });
        await request(gateways, { op: 'add', gateways: kitchens.map((k) => ({ kitchenId: k.kitchenId, gatewayId: `gw-${k.kitchenId}`, secret: secrets.get(k.kitchenId)!, edgeBoxUrl: k.edgeBoxUrl })) });
        const wanted = new Set(specs.map((s) => s.kitchenId));
        await until('the server to list the cameras online', async () =>
          (await listCameras()).filter((c) => wanted.has(c.kitchenId) && c.online).length === wanted.size, 30_000, 200);
        return kitchens;
      },
      async stopKitchens(ids) {
        await request(gateways, { op: 'remove', kitchenIds: ids });
        await request(cameras, { op: 'stop', kitchenIds: ids });
        await sleep(200);
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
