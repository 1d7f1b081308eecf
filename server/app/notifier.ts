// Tells a site's escalation chain about its alerts (rule book section 6, issue 5): each raise
// and each escalation step goes to the channels that listen to it, as a delivery row, attempted
// at once or at the end of the channel's quiet hours, retried with backoff until sent or given
// up. The rows are the queue, so a restart loses nothing; `retryDue` works through it.
import type { Alert } from '../../contracts/api.ts';
import type { Channel, Delivery, NotifyStep } from '../../contracts/notifications.ts';
import type { ChannelsRepo } from '../adapters/sql/channels-repo.ts';
import type { DeliveriesRepo } from '../adapters/sql/deliveries-repo.ts';
import type { NoticeFacts } from '../domain/notifications/messages.ts';
import { releaseTime } from '../domain/notifications/quiet-hours.ts';
import { abandoned, afterAttempt } from '../domain/notifications/retry.ts';
import { isFreshRaise, planDelivery, stepOfRaise } from '../domain/notifications/routing.ts';
import type { Dispatcher } from './notify-dispatch.ts';
import { siteCalendar } from './site-calendar.ts';

export interface NotifierDeps {
  channels: Pick<ChannelsRepo, 'list' | 'find' | 'get'>;
  deliveries: DeliveriesRepo;
  alerts: { get(id: number): Alert | undefined };
  kitchenOf(kitchenId: string): { name: string; timezone: string } | undefined;
  /** The unit, camera or item an alert is about, by name. */
  subjectOf(alert: Alert): string;
  dispatcher: Pick<Dispatcher, 'attempt'>;
  now(): number;
  publicUrl?: string;
  log: { warn(obj: object, msg: string): void };
}

/** The alert of a channel test: no alert at all (alertId 0 in its delivery). */
const testAlert = (kitchenId: string, at: number): NoticeFacts['alert'] => ({
  id: 0, kitchenId, ruleId: 'TEST', severity: 'warning', status: 'active', message: '通知渠道测试', raisedAt: new Date(at).toISOString(),
});

export function createNotifier(deps: NotifierDeps) {
  const inFlight = new Map<number, Promise<void>>();
  let stopped = false;
  const siteOf = (kitchenId: string) => {
    const k = deps.kitchenOf(kitchenId);
    return { name: k?.name ?? kitchenId, timeZone: k?.timezone ?? 'Asia/Shanghai' };
  };

  function factsOf(alert: Alert, step: NotifyStep): NoticeFacts {
    const site = siteOf(alert.kitchenId);
    return { step, alert, kitchenName: site.name, subject: deps.subjectOf(alert), timeZone: site.timeZone, publicUrl: deps.publicUrl ?? null };
  }

  /** Plans this step of the alert for every channel of its kitchen that listens, once per raise. */
  function notify(alert: Alert, step: NotifyStep): Delivery[] {
    const now = deps.now();
    const calendar = siteCalendar(siteOf(alert.kitchenId).timeZone);
    const since = Date.parse(alert.raisedAt);
    const planned: Delivery[] = [];
    for (const channel of deps.channels.list(alert.kitchenId)) {
      const plan = planDelivery(channel, step, alert.severity, now, calendar);
      if (!plan || deps.deliveries.existsSince(alert.id, channel.id, step, since)) continue;
      planned.push(deps.deliveries.add({ kitchenId: alert.kitchenId, channelId: channel.id, alertId: alert.id, step, createdAt: now, ...plan }));
    }
    for (const d of planned) if (d.status === 'pending') start(d);
    return planned;
  }

  function start(d: Delivery) {
    if (stopped || inFlight.has(d.id)) return;
    const run = attempt(d).catch((err: unknown) => deps.log.warn({ err, delivery: d.id }, 'notification attempt failed unexpectedly'))
      .finally(() => inFlight.delete(d.id));
    inFlight.set(d.id, run);
  }

  /** Why a planned delivery should not go out any more, if it should not. */
  function obsolete(channel: ReturnType<NotifierDeps['channels']['find']>, alert: Alert | undefined): string | null {
    if (!channel || channel.removed) return 'channel removed';
    if (!channel.enabled) return 'channel disabled';
    if (!alert) return 'alert not found';
    return alert.status === 'closed' ? 'alert closed before delivery' : null;
  }

  async function attempt(d: Delivery) {
    const channel = deps.channels.find(d.channelId);
    const alert = deps.alerts.get(d.alertId);
    const lastAttemptAt = d.lastAttemptAt === null ? null : Date.parse(d.lastAttemptAt);
    const why = obsolete(channel, alert);
    if (why || !channel || !alert) return void deps.deliveries.record(d.id, abandoned(d.attempts, lastAttemptAt, why ?? 'obsolete'));
    const result = await deps.dispatcher.attempt(channel, factsOf(alert, d.step));
    const calendar = siteCalendar(siteOf(alert.kitchenId).timeZone);
    const progress = afterAttempt(d.attempts, result, deps.now(), (t) => releaseTime(channel.quietHours, alert.severity, t, calendar));
    deps.deliveries.record(d.id, progress);
    if (progress.status === 'gave_up') deps.log.warn({ delivery: d.id, channel: channel.id, error: progress.lastError }, 'notification given up');
  }

  return {
    notify,
    /** Every alert the server emits passes here: a raise (a re-alarm too) is announced, if it is
     *  new; updates are not (escalations come through `notify` from the escalation tick). */
    onAlert(event: 'alert:raised' | 'alert:updated', alert: Alert) {
      if (event === 'alert:raised' && isFreshRaise(alert, deps.now())) notify(alert, stepOfRaise(alert));
    },
    /** Deferred deliveries whose quiet hours are over, and failed ones whose wait is over. */
    retryDue() {
      for (const d of deps.deliveries.due(deps.now())) start(d);
    },
    /** A test message to one channel, now, whatever its steps and quiet hours; tried once. */
    async test(channel: Channel): Promise<Delivery> {
      const now = deps.now();
      const d = deps.deliveries.add({ kitchenId: channel.kitchenId, channelId: channel.id, alertId: 0, step: 'raised', status: 'pending', createdAt: now, nextAttemptAt: null });
      const site = siteOf(channel.kitchenId);
      const facts: NoticeFacts = { step: 'raised', alert: testAlert(channel.kitchenId, now), kitchenName: site.name, subject: channel.name, timeZone: site.timeZone, publicUrl: null, test: true };
      const result = await deps.dispatcher.attempt(channel, facts);
      const progress = afterAttempt(0, result, deps.now());
      return deps.deliveries.record(d.id, { ...progress, status: result.ok ? 'sent' : 'failed', nextAttemptAt: null })!;
    },
    /** Resolves when every attempt under way has finished (tests, and a clean stop). */
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight.values()]);
    },
    async stop() {
      stopped = true;
      await this.idle();
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
