// Tells a site's escalation chain about its alerts (rule book section 6, issue 5): each raise
// and each escalation step goes to the channels that listen to it, as a delivery row, attempted
// at once or at the end of the channel's quiet hours, retried with backoff until sent or given
// up. The rows are the queue, so a restart loses nothing; `retryDue` works through it, a few at
// a time and each channel at its pace (notify-pacing.ts). An attempt is counted in its row before
// it is sent, and a notice that went stale meanwhile is given up instead of sent.
import type { Alert } from '../../contracts/api.ts';
import type { Channel, Delivery, NotifyStep } from '../../contracts/notifications.ts';
import type { ChannelsRepo } from '../adapters/sql/channels-repo.ts';
import type { DeliveriesRepo } from '../adapters/sql/deliveries-repo.ts';
import type { NoticeFacts } from '../domain/notifications/messages.ts';
import { releaseTime } from '../domain/notifications/quiet-hours.ts';
import { abandoned, afterAttempt, beforeAttempt } from '../domain/notifications/retry.ts';
import { isFreshRaise, planDelivery, staleness, stepOfRaise } from '../domain/notifications/routing.ts';
import type { Dispatcher } from './notify-dispatch.ts';
import { createPacer, DEFAULT_PACING, type PacingLimits } from './notify-pacing.ts';
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
  /** Real time, for pacing (robots count real minutes); the rules' clock may be moved by tests. */
  wallClock?: () => number;
  pacing?: Partial<PacingLimits>;
  publicUrl?: string;
  log: { warn(obj: object, msg: string): void };
}

/** The alert of a channel test: no alert at all (alertId 0 in its delivery). */
const testAlert = (kitchenId: string, at: number): NoticeFacts['alert'] => ({
  id: 0, kitchenId, ruleId: 'TEST', severity: 'warning', status: 'active', message: '通知渠道测试', raisedAt: new Date(at).toISOString(),
});

export function createNotifier(deps: NotifierDeps) {
  const inFlight = new Map<number, Promise<void>>();
  const tests = new Set<Promise<unknown>>();
  const pacer = createPacer({ ...DEFAULT_PACING, ...deps.pacing }, deps.wallClock ?? Date.now);
  let stopped = false;
  const siteOf = (kitchenId: string) => {
    const k = deps.kitchenOf(kitchenId);
    return { name: k?.name ?? kitchenId, timeZone: k?.timezone ?? 'Asia/Shanghai' };
  };

  function factsOf(alert: Alert, step: NotifyStep): NoticeFacts {
    const site = siteOf(alert.kitchenId);
    return { step, alert, kitchenName: site.name, subject: deps.subjectOf(alert), timeZone: site.timeZone, publicUrl: deps.publicUrl ?? null, at: deps.now() };
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
    // What the pacing holds back stays pending, due now: the next round takes it.
    for (const d of planned) if (d.status === 'pending') start(d);
    return planned;
  }

  /** Starts an attempt if a slot is free and the channel has not had its share of the minute. A
   *  delivery that should not go out any more is given up first, taking neither. */
  function start(d: Delivery): boolean {
    if (stopped || inFlight.has(d.id)) return false;
    const target = targetOf(d);
    if (!target || !pacer.admit(d.channelId)) return false;
    const run = attempt(d, target).catch((err: unknown) => deps.log.warn({ err, delivery: d.id }, 'notification attempt failed unexpectedly'))
      .finally(() => {
        inFlight.delete(d.id);
        pacer.release();
      });
    inFlight.set(d.id, run);
    return true;
  }

  /** Why a planned delivery should not go out any more, if it should not. */
  function obsolete(d: Delivery, channel: ReturnType<NotifierDeps['channels']['find']>, alert: Alert | undefined): string | null {
    if (!channel || channel.removed) return 'channel removed';
    if (!channel.enabled) return 'channel disabled';
    if (!alert) return 'alert not found';
    return staleness(d.step, alert, Date.parse(d.createdAt));
  }

  /** The channel and alert to send to, or null once the delivery was given up as obsolete or stale. */
  function targetOf(d: Delivery): { channel: Channel; alert: Alert } | null {
    const channel = deps.channels.find(d.channelId);
    const alert = deps.alerts.get(d.alertId);
    const why = obsolete(d, channel, alert);
    if (!why && channel && alert) return { channel, alert };
    const lastAttemptAt = d.lastAttemptAt === null ? null : Date.parse(d.lastAttemptAt);
    deps.deliveries.record(d.id, abandoned(d.attempts, lastAttemptAt, why ?? 'obsolete'));
    return null;
  }

  /** Counted in the row before it is sent (retry.ts beforeAttempt), then its outcome recorded. */
  async function attempt(d: Delivery, { channel, alert }: { channel: Channel; alert: Alert }) {
    const calendar = siteCalendar(siteOf(alert.kitchenId).timeZone);
    const hold = (t: number) => releaseTime(channel.quietHours, alert.severity, t, calendar);
    deps.deliveries.record(d.id, beforeAttempt(d.attempts, deps.now(), hold));
    const result = await deps.dispatcher.attempt(channel, factsOf(alert, d.step));
    const progress = afterAttempt(d.attempts, result, deps.now(), hold);
    deps.deliveries.record(d.id, progress);
    if (progress.status === 'gave_up') deps.log.warn({ delivery: d.id, channel: channel.id, error: progress.lastError }, 'notification given up');
  }

  /** A channel test, tracked so that a stop waits for it like any attempt. */
  async function sendTest(channel: Channel): Promise<Delivery> {
    const now = deps.now();
    const d = deps.deliveries.add({ kitchenId: channel.kitchenId, channelId: channel.id, alertId: 0, step: 'raised', status: 'pending', createdAt: now, nextAttemptAt: null });
    const site = siteOf(channel.kitchenId);
    const facts: NoticeFacts = { step: 'raised', alert: testAlert(channel.kitchenId, now), kitchenName: site.name, subject: channel.name, timeZone: site.timeZone, publicUrl: null, test: true, at: now };
    const result = await deps.dispatcher.attempt(channel, facts);
    const progress = afterAttempt(0, result, deps.now());
    return deps.deliveries.record(d.id, { ...progress, status: result.ok ? 'sent' : 'failed', nextAttemptAt: null })!;
  }

  return {
    notify,
    /** Every alert the server emits passes here: a raise (a re-alarm too) is announced, if it is
     *  new; updates are not (escalations come through `notify` from the escalation tick). */
    onAlert(event: 'alert:raised' | 'alert:updated', alert: Alert) {
      if (event === 'alert:raised' && isFreshRaise(alert, deps.now())) notify(alert, stepOfRaise(alert));
    },
    /** Pending deliveries the pacing held back, deferred ones whose quiet hours are over, and
     *  failed ones whose wait is over: as many as the limits allow, the rest on a later round. */
    retryDue() {
      if (stopped || pacer.full()) return;
      for (const d of deps.deliveries.due(deps.now(), { skipChannels: pacer.pacedChannels() })) {
        if (pacer.full()) return;
        start(d);
      }
    },
    /** A test message to one channel, now, whatever its steps, quiet hours and pacing; tried once. */
    test(channel: Channel): Promise<Delivery> {
      const run = sendTest(channel);
      const tracked = run.catch(() => undefined).finally(() => tests.delete(tracked));
      tests.add(tracked);
      return run;
    },
    /** Resolves when every attempt and test under way has finished (tests, and a clean stop). */
    async idle() {
      while (inFlight.size + tests.size > 0) await Promise.all([...inFlight.values(), ...tests]);
    },
    async stop() {
      stopped = true;
      await this.idle();
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
