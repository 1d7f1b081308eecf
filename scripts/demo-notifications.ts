// The demo district's escalation chains (issue 5), idempotent: every kitchen's gateway shows its
// alerts and escalations on the kitchen display (k001's only outside the night's quiet hours);
// k007's management group gets them on a WeCom-format robot; the district's inspectors get the
// inspector-board escalations on a signed DingTalk-format robot. Both robots are a local stand-in
// (firmware-sim/robot-receiver.ts) started here on a free port: GET it to see what it received.
import type { ChannelRequest } from '../contracts/notifications.ts';
import type { KitchenServer } from '../server/create-server.ts';
import { createRobotReceiver, type RobotReceiver } from '../firmware-sim/robot-receiver.ts';
import type { DemoKitchen } from './demo-district.ts';

/** The district robot's signing secret: public, a demo only. */
const DISTRICT_DINGTALK_SECRET = 'SECdemo-district-2026';

export interface RunningNotifications {
  robots: RobotReceiver;
  stop(): Promise<void>;
}

/** Creates the channel, or updates the one of the same name (the robots' port changes each start). */
function ensureChannel(server: KitchenServer, kitchenId: string, req: ChannelRequest) {
  const existing = server.channels.list(kitchenId).find((c) => c.name === req.name);
  if (existing) server.channels.update(kitchenId, existing.id, req);
  else server.channels.create(kitchenId, req);
}

export function demoChannels(k: DemoKitchen, index: number, robotsUrl: string): ChannelRequest[] {
  const channels: ChannelRequest[] = [{
    kind: 'gateway', name: '后厨显示屏', target: k.gatewayId, steps: ['raised', 'escalated_manager', 'escalated_inspector'], minSeverity: 'warning',
    // One kitchen keeps its display quiet at night: only critical alerts sound then.
    quietHours: index === 0 ? { from: '22:00', to: '06:30' } : null,
  }, {
    kind: 'dingtalk', name: '示范区监管群（钉钉）', target: `${robotsUrl}/dingtalk/robot/send?access_token=demo-district`,
    secret: DISTRICT_DINGTALK_SECRET, steps: ['escalated_inspector'], minSeverity: 'warning', quietHours: null,
  }];
  if (k.kitchen.id === 'k007') {
    channels.push({
      kind: 'wecom', name: '食堂管理群（企业微信）', target: `${robotsUrl}/wecom/cgi-bin/webhook/send?key=demo-k007`,
      steps: ['raised', 'escalated_manager'], minSeverity: 'warning', quietHours: null,
    });
  }
  return channels;
}

export async function startDemoNotifications(server: KitchenServer, district: readonly DemoKitchen[], log: { info(obj: object, msg: string): void }): Promise<RunningNotifications> {
  const robots = createRobotReceiver();
  await robots.start();
  robots.requireDingTalkSecret(DISTRICT_DINGTALK_SECRET);
  for (const [i, k] of district.entries()) {
    for (const channel of demoChannels(k, i, robots.url())) ensureChannel(server, k.kitchen.id, channel);
  }
  log.info({ url: robots.url() }, 'WeCom / DingTalk robot stand-in listening (GET it to see the messages)');
  return { robots, stop: () => robots.stop() };
}
