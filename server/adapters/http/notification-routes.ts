// REST of a site's escalation chain (issue 5): its notification channels, a test message to one,
// and the record of every delivery. Reading needs kitchen:read, changing channels:write; the
// regulator's channel (one listening to escalated_inspector) only an administrator may create,
// change or remove. A channel's signing secret is never sent back (hasSecret), and to those who may
// not change the channel a robot's URL is shown as scheme://host/*** only. Channel changes and
// tests go to the audit log, without the secret or the key; a channel is tested once per 10 s.
import { Router, type Request, type Response } from 'express';
import type { Alert } from '../../../contracts/api.ts';
import { ChannelRequest, type Channel, type Delivery } from '../../../contracts/notifications.ts';
import { isValidId } from '../../../contracts/topics.ts';
import type { AuditPort } from '../../app/audit.ts';
import { CHANNEL_TEST_INTERVAL_MS, checkChannel, isRegulatorChannel, maskTarget } from '../../domain/notifications/channels.ts';
import type { ChannelsRepo } from '../sql/channels-repo.ts';
import type { DeliveriesRepo } from '../sql/deliveries-repo.ts';
import { access, type AccountsPort } from './auth.ts';
import { checkedBody } from './body.ts';
import { fail } from './errors.ts';

export interface NotificationApiDeps {
  notifications: {
    channels: Pick<ChannelsRepo, 'list' | 'get' | 'create' | 'update' | 'remove'>;
    deliveries: Pick<DeliveriesRepo, 'ofAlert' | 'ofKitchen'>;
    test(channel: Channel): Promise<Delivery>;
    /** Origins exempt from the robot-host and private-address checks (NOTIFY_ALLOW_ORIGINS, canonical). */
    allowedOrigins?: readonly string[];
  };
  registry: { getKitchen(id: string): unknown };
  alerts: { get(id: number): Alert | undefined };
  audit: AuditPort;
  accounts: AccountsPort;
  now(): number;
}

const positiveInt = (value: unknown, name: string, code: 'invalid_id' | 'invalid_query'): number => {
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) fail(code, `${name} must be a positive integer`);
  return n;
};

export function createNotificationRouter(deps: NotificationApiDeps): Router {
  const r = Router();
  const { channels, deliveries } = deps.notifications;
  const lastTestAt = new Map<number, number>();

  /** The kitchen in the path, inside the user's scope (404 alike otherwise), and the act allowed (403). */
  const kitchenFor = (req: Request, res: Response, action: string): string => {
    const raw = req.params.kitchenId;
    if (typeof raw !== 'string' || !isValidId(raw)) fail('invalid_id', 'kitchenId must match [A-Za-z0-9_-]{1,64}');
    const kitchenId = raw as string;
    const who = access(deps.accounts, res);
    who.kitchen(kitchenId);
    if (!deps.registry.getKitchen(kitchenId)) fail('kitchen_not_found', `no kitchen ${kitchenId}`);
    who.must(action, kitchenId);
    return kitchenId;
  };
  const channelOf = (kitchenId: string, req: Request): Channel =>
    channels.get(kitchenId, positiveInt(req.params.channelId, 'channelId', 'invalid_id')) ?? fail('channel_not_found', 'no such channel in this kitchen');
  const checkedChannel = (body: unknown): ChannelRequest => {
    const req = checkedBody(ChannelRequest, body);
    const verdict = checkChannel(req, deps.notifications.allowedOrigins);
    return verdict.ok ? req : fail('invalid_channel', verdict.message);
  };
  /** May change this channel: channels:write there, and for the regulator's channel an administrator. */
  const mayChange = (res: Response, c: Pick<Channel, 'kitchenId' | 'steps'>): boolean => {
    const { user } = access(deps.accounts, res);
    return deps.accounts.can(user, 'channels:write', c.kitchenId) && (!isRegulatorChannel(c) || user.role === 'admin');
  };
  /** The regulator's channel, before or after the change, is the administrators' (a manager must not
   *  repoint, silence or remove what tells the inspectors about their kitchen). */
  const mustChange = (res: Response, ...versions: Array<Pick<Channel, 'kitchenId' | 'steps'>>) => {
    if (!versions.every((c) => mayChange(res, c))) fail('forbidden', 'only an administrator changes a channel that tells the inspectors (escalated_inspector)');
  };
  /** A channel as the user may see it: the robot's key only for those who may change the channel. */
  const shown = (res: Response, c: Channel): Channel => (mayChange(res, c) ? c : { ...c, target: maskTarget(c.kind, c.target) });
  /** A channel change's audit entry (written in the change's transaction): never the secret or the robot's key. */
  const record = (res: Response, action: string, c: Channel, full = true) => {
    const { displayName, role } = access(deps.accounts, res).user;
    const data = full
      ? { channelId: c.id, kind: c.kind, name: c.name, target: maskTarget(c.kind, c.target), hasSecret: c.hasSecret, steps: c.steps, minSeverity: c.minSeverity, quietHours: c.quietHours, enabled: c.enabled }
      : { channelId: c.id, kind: c.kind, name: c.name };
    deps.audit.record({ actor: displayName, role, action, subject: `channel:${c.id}`, kitchenId: c.kitchenId, data });
  };

  r.get('/kitchens/:kitchenId/channels', (req, res) => {
    const kitchenId = kitchenFor(req, res, 'kitchen:read');
    res.json(channels.list(kitchenId).map((c) => shown(res, c)));
  });
  r.post('/kitchens/:kitchenId/channels', (req, res) => {
    const kitchenId = kitchenFor(req, res, 'channels:write');
    const body = checkedChannel(req.body);
    mustChange(res, { kitchenId, steps: body.steps });
    const created = deps.audit.atomically(() => {
      const c = channels.create(kitchenId, body);
      record(res, 'channel.created', c);
      return c;
    });
    res.status(201).json(created);
  });
  r.put('/kitchens/:kitchenId/channels/:channelId', (req, res) => {
    const kitchenId = kitchenFor(req, res, 'channels:write');
    const before = channelOf(kitchenId, req);
    const body = checkedChannel(req.body);
    mustChange(res, before, { kitchenId, steps: body.steps });
    res.json(deps.audit.atomically(() => {
      const c = channels.update(kitchenId, before.id, body)!;
      record(res, 'channel.updated', c);
      return c;
    }));
  });
  r.delete('/kitchens/:kitchenId/channels/:channelId', (req, res) => {
    const kitchenId = kitchenFor(req, res, 'channels:write');
    const before = channelOf(kitchenId, req);
    mustChange(res, before);
    deps.audit.atomically(() => {
      channels.remove(kitchenId, before.id, deps.now());
      record(res, 'channel.deleted', before, false);
    });
    res.status(204).end();
  });
  r.post('/kitchens/:kitchenId/channels/:channelId/test', async (req, res) => {
    const kitchenId = kitchenFor(req, res, 'channels:write');
    const channel = channelOf(kitchenId, req);
    const now = deps.now();
    const last = lastTestAt.get(channel.id);
    if (last !== undefined && now - last < CHANNEL_TEST_INTERVAL_MS) {
      res.set('Retry-After', String(Math.ceil((last + CHANNEL_TEST_INTERVAL_MS - now) / 1000)));
      fail('too_many_tests', 'this channel was tested less than 10 s ago');
    }
    lastTestAt.set(channel.id, now); // before the attempt: presses while it runs count too
    const delivery = await deps.notifications.test(channel);
    const { displayName, role } = access(deps.accounts, res).user;
    deps.audit.record({
      actor: displayName, role, action: 'channel.tested', subject: `channel:${channel.id}`, kitchenId,
      data: { channelId: channel.id, kind: channel.kind, name: channel.name, target: maskTarget(channel.kind, channel.target), status: delivery.status, lastError: delivery.lastError },
    });
    res.json(delivery);
  });
  r.get('/kitchens/:kitchenId/deliveries', (req, res) => {
    const kitchenId = kitchenFor(req, res, 'kitchen:read');
    const { alert, limit } = req.query;
    const alertId = alert === undefined ? undefined : positiveInt(alert, 'alert', 'invalid_query');
    const n = limit === undefined ? 100 : positiveInt(limit, 'limit', 'invalid_query');
    if (n > 1000) fail('invalid_query', 'limit must be 1..1000');
    res.json(deliveries.ofKitchen(kitchenId, { alertId, limit: n }));
  });
  r.get('/alerts/:alertId/deliveries', (req, res) => {
    const alert = deps.alerts.get(positiveInt(req.params.alertId, 'alertId', 'invalid_id'));
    if (!alert || !access(deps.accounts, res).sees(alert.kitchenId)) fail('alert_not_found', 'no such alert');
    res.json(deliveries.ofAlert(alert!.id));
  });
  return r;
}
