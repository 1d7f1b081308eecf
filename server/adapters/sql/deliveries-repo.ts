// One row per notification of an alert step to a channel (table `deliveries`), with its
// attempts: the record of who was told what and when, and the queue the notifier works from,
// so deferred and failed deliveries survive a restart.
import type { ChannelKind, Delivery, DeliveryStatus, NotifyStep } from '../../../contracts/notifications.ts';
import type { DeliveryProgress } from '../../domain/notifications/retry.ts';
import type { Db } from './database.ts';

interface DeliveryRow {
  id: number; kitchen_id: string; channel_id: number; channel_name: string; channel_kind: ChannelKind; alert_id: number;
  step: NotifyStep; status: DeliveryStatus; attempts: number; created_at: number; last_attempt_at: number | null;
  next_attempt_at: number | null; sent_at: number | null; last_error: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toDelivery(r: DeliveryRow): Delivery {
  return {
    id: r.id, kitchenId: r.kitchen_id, channelId: r.channel_id, channelName: r.channel_name, channelKind: r.channel_kind,
    alertId: r.alert_id, step: r.step, status: r.status, attempts: r.attempts, createdAt: iso(r.created_at)!,
    lastAttemptAt: iso(r.last_attempt_at), nextAttemptAt: iso(r.next_attempt_at), sentAt: iso(r.sent_at), lastError: r.last_error,
  };
}

const SELECT = `SELECT d.*, c.name AS channel_name, c.kind AS channel_kind FROM deliveries d JOIN channels c ON c.id = d.channel_id`;

export interface NewDelivery {
  kitchenId: string; channelId: number; alertId: number; step: NotifyStep;
  status: Extract<DeliveryStatus, 'pending' | 'deferred'>; createdAt: number; nextAttemptAt: number | null;
}

export function createDeliveriesRepo(db: Db) {
  const byId = db.prepare(`${SELECT} WHERE d.id = ?`);
  const get = (id: number): Delivery | undefined => {
    const row = byId.get(id) as DeliveryRow | undefined;
    return row && toDelivery(row);
  };
  return {
    get,
    add(d: NewDelivery): Delivery {
      const info = db.prepare(`INSERT INTO deliveries (kitchen_id, channel_id, alert_id, step, status, created_at, next_attempt_at)
        VALUES (@kitchenId, @channelId, @alertId, @step, @status, @createdAt, @nextAttemptAt)`).run(d);
      return get(Number(info.lastInsertRowid))!;
    },
    /** Whether this step of this alert went to this channel since `since` (one raise is announced once). */
    existsSince(alertId: number, channelId: number, step: NotifyStep, since: number): boolean {
      return db.prepare('SELECT 1 FROM deliveries WHERE alert_id = ? AND channel_id = ? AND step = ? AND created_at >= ? LIMIT 1')
        .get(alertId, channelId, step, since) !== undefined;
    },
    record(id: number, p: DeliveryProgress): Delivery | undefined {
      db.prepare(`UPDATE deliveries SET status = @status, attempts = @attempts, last_attempt_at = @lastAttemptAt,
        next_attempt_at = @nextAttemptAt, sent_at = @sentAt, last_error = @lastError WHERE id = @id`).run({ id, ...p });
      return get(id);
    },
    /** Deliveries waiting for an attempt whose time has come, oldest first; none of `skipChannels`
     *  (paced this minute), so one busy channel's backlog cannot crowd out the others'. */
    due(now: number, q: { limit?: number; skipChannels?: readonly number[] } = {}): Delivery[] {
      return (db.prepare(`${SELECT} WHERE d.status IN ('pending', 'deferred', 'failed') AND d.next_attempt_at IS NOT NULL
        AND d.next_attempt_at <= @now AND d.channel_id NOT IN (SELECT value FROM json_each(@skip))
        ORDER BY d.next_attempt_at, d.id LIMIT @limit`)
        .all({ now, skip: JSON.stringify(q.skipChannels ?? []), limit: q.limit ?? 100 }) as DeliveryRow[]).map(toDelivery);
    },
    ofAlert(alertId: number): Delivery[] {
      return (db.prepare(`${SELECT} WHERE d.alert_id = ? ORDER BY d.id`).all(alertId) as DeliveryRow[]).map(toDelivery);
    },
    /** A kitchen's deliveries, newest first; only one alert's when `alertId` is given. */
    ofKitchen(kitchenId: string, q: { alertId?: number; limit?: number } = {}): Delivery[] {
      const alert = q.alertId === undefined ? '' : 'AND d.alert_id = @alertId';
      return (db.prepare(`${SELECT} WHERE d.kitchen_id = @kitchenId ${alert} ORDER BY d.id DESC LIMIT @limit`)
        .all({ kitchenId, alertId: q.alertId, limit: q.limit ?? 100 }) as DeliveryRow[]).map(toDelivery);
    },
  };
}

export type DeliveriesRepo = ReturnType<typeof createDeliveriesRepo>;
