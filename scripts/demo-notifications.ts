// The demo district's escalation chains (issue 5), idempotent: every kitchen's gateway shows its
// alerts and escalations on the kitchen display (k001's only outside the night's quiet hours);
// k007's management group gets them on a WeCom-format robot; the district's inspectors get the
// inspector-board escalations on one signed DingTalk-format robot, whose token and secret sit in
// one channel only (k003's, whose compressor failure is the demo's critical alert; the first
// kitchen's in a smaller district), not copied into every kitchen. Both robots are a local
// stand-in (firmware-sim/robot-receiver.ts) started before the server, which must be told its
// origin (notifyAllowedOrigins): the server posts to no loopback address otherwise. Each start
// sends the robot channels a test message, so the delivery record and the stand-in show one at once.
import type { Channel, ChannelRequest } from '../contracts/notifications.ts';
import type { KitchenServer } from '../server/create-server.ts';
import { createRobotReceiver, type RobotReceiver } from '../firmware-sim/robot-receiver.ts';
import type { DemoKitchen } from './demo-district.ts';

/** The district robot's signing secret: public, a demo only. */
const DISTRICT_DINGTALK_SECRET = 'SECdemo-district-2026';
const DISTRICT_CHANNEL = '示范区监管群（钉钉）';
/** The kitchen whose channel list holds the district's robot (scripts/demo-scenarios.ts: kitchen 3's compressor). */
const DISTRICT_KITCHEN = 'k003';

interface Log { info(obj: object, msg: string): void; warn(obj: object, msg: string): void }

/** The robots' stand-in, listening before the server starts so that its origin can be allowed. */
export async function startDemoRobots(): Promise<RobotReceiver> {
  const robots = createRobotReceiver();
  await robots.start();
  robots.requireDingTalkSecret(DISTRICT_DINGTALK_SECRET);
  return robots;
}

/** The kitchen that holds the district's DingTalk channel. */
export function districtKitchenOf(district: readonly DemoKitchen[]): string | undefined {
  return (district.find((k) => k.kitchen.id === DISTRICT_KITCHEN) ?? district[0])?.kitchen.id;
}

export function demoChannels(k: DemoKitchen, index: number, robotsUrl: string, districtKitchen: string | undefined): ChannelRequest[] {
  const channels: ChannelRequest[] = [{
    kind: 'gateway', name: '后厨显示屏', target: k.gatewayId, steps: ['raised', 'escalated_manager', 'escalated_inspector'], minSeverity: 'warning',
    // One kitchen keeps its display quiet at night: only critical alerts sound then.
    quietHours: index === 0 ? { from: '22:00', to: '06:30' } : null,
  }];
  if (k.kitchen.id === districtKitchen) {
    channels.push({
      kind: 'dingtalk', name: DISTRICT_CHANNEL, target: `${robotsUrl}/dingtalk/robot/send?access_token=demo-district`,
      secret: DISTRICT_DINGTALK_SECRET, steps: ['escalated_inspector'], minSeverity: 'warning', quietHours: null,
    });
  }
  if (k.kitchen.id === 'k007') {
    channels.push({
      kind: 'wecom', name: '食堂管理群（企业微信）', target: `${robotsUrl}/wecom/cgi-bin/webhook/send?key=demo-k007`,
      steps: ['raised', 'escalated_manager'], minSeverity: 'warning', quietHours: null,
    });
  }
  return channels;
}

/** Creates the channel, or updates the one of the same name (the robots' port changes each start). */
function ensureChannel(server: KitchenServer, kitchenId: string, req: ChannelRequest) {
  const existing = server.channels.list(kitchenId).find((c) => c.name === req.name);
  return existing ? server.channels.update(kitchenId, existing.id, req)! : server.channels.create(kitchenId, req);
}

/** Seeds the channels (removing the district robot's copies an older demo put in every kitchen) and tests the robots. */
export function seedDemoNotifications(server: KitchenServer, district: readonly DemoKitchen[], robots: RobotReceiver, log: Log): void {
  const districtKitchen = districtKitchenOf(district);
  const robotChannels: Channel[] = [];
  for (const [i, k] of district.entries()) {
    const kitchenId = k.kitchen.id;
    for (const old of server.channels.list(kitchenId)) {
      if (old.name === DISTRICT_CHANNEL && kitchenId !== districtKitchen) server.channels.remove(kitchenId, old.id, Date.now());
    }
    for (const req of demoChannels(k, i, robots.url(), districtKitchen)) {
      const channel = ensureChannel(server, kitchenId, req);
      if (channel.kind !== 'gateway') robotChannels.push(channel);
    }
  }
  for (const channel of robotChannels) {
    void server.notifier.test(channel).then(
      (d) => log.info({ channel: channel.name, kitchenId: channel.kitchenId, status: d.status, lastError: d.lastError }, 'robot channel tested'),
      (err: unknown) => log.warn({ err, channel: channel.name }, 'robot channel test failed'),
    );
  }
  log.info({ url: robots.url() }, 'WeCom / DingTalk robot stand-in listening (GET it to see the messages)');
}
