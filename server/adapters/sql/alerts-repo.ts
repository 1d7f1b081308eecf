// Alerts and their lifecycle: active → acknowledged → resolved → closed, with
// clearing by the data (cleared_at) kept apart from closing by a person.
import type { Alert, AlertStatus, Severity } from '../../../contracts/api.ts';
import type { Cause, Disposition } from '../../../contracts/alert-workflow.ts';
import type { AlertClocks } from '../../domain/escalation/escalation.ts';
import type { Db } from './database.ts';

interface AlertRow {
  id: number; kitchen_id: string; device_id: string; rule_id: string; severity: Severity; profile: string;
  status: AlertStatus; message: string; first_out_at: number; raised_at: number; peak_value: number | null;
  minutes_out: number; cleared_at: number | null; acknowledged_at: number | null; acknowledged_by: string | null;
  resolved_at: number | null; closed_at: number | null; resolved_by: string | null; cause: Cause | null;
  corrective_action: string | null; disposition: string | null; closed_by: string | null;
  escalated_to: 'manager' | 'inspector' | null; escalated_at: number | null;
  first_raised_at: number | null; stored_at: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toAlert(r: AlertRow): Alert {
  return {
    id: r.id, kitchenId: r.kitchen_id, deviceId: r.device_id, ruleId: r.rule_id, severity: r.severity, profile: r.profile,
    status: r.status, message: r.message, firstOutAt: iso(r.first_out_at)!, raisedAt: iso(r.raised_at)!,
    peakValue: r.peak_value, minutesOut: r.minutes_out, clearedAt: iso(r.cleared_at), acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by, resolvedAt: iso(r.resolved_at), closedAt: iso(r.closed_at),
    resolvedBy: r.resolved_by, cause: r.cause, correctiveAction: r.corrective_action,
    disposition: r.disposition === null ? null : (JSON.parse(r.disposition) as Disposition), closedBy: r.closed_by,
    escalatedTo: r.escalated_to, escalatedAt: iso(r.escalated_at),
  };
}

export interface RaiseInput {
  kitchenId: string; deviceId: string; ruleId: string; severity: Severity; profile: string;
  message: string; firstOutAt: number; raisedAt: number; value: number | null;
  /** The server's time now: a raise from a gateway's backlog is stored long after its raisedAt,
   *  and the 15 min to acknowledge it start no earlier than this (rule book section 6). */
  storedAt: number;
}

/** An open alert for the escalation tick, with the clocks it runs on (decision 0011). */
export interface EscalationCandidate {
  alert: Alert;
  clocks: AlertClocks;
}

const clocksOf = (r: AlertRow): AlertClocks => ({
  firstRaisedAt: iso(r.first_raised_at ?? r.raised_at)!, storedAt: iso(r.stored_at ?? r.raised_at)!,
});

export interface CorrectiveAction { by: string; cause: Cause; correctiveAction: string; disposition: Disposition }

export interface AlertQuery {
  kitchenId?: string;
  /** Only these kitchens (a user's scope), applied before the limit so no kitchen's alerts are crowded out. */
  kitchenIds?: readonly string[];
  status?: AlertStatus | 'open';
  limit?: number;
}

export function createAlertsRepo(db: Db) {
  // The live alert of a unit and rule: not closed, not cleared by the data (index alerts_one_live).
  const findLive = db.prepare(`SELECT * FROM alerts WHERE kitchen_id = ? AND device_id = ? AND rule_id = ? AND status <> 'closed' AND cleared_at IS NULL`);
  const byId = db.prepare('SELECT * FROM alerts WHERE id = ?');
  const get = (id: number) => {
    const row = byId.get(id) as AlertRow | undefined;
    return row && toAlert(row);
  };

  return {
    get,
    /** Whether this subject ever had an alert of this rule, in any status (closed included). */
    exists(kitchenId: string, deviceId: string, ruleId: string): boolean {
      return db.prepare('SELECT 1 FROM alerts WHERE kitchen_id = ? AND device_id = ? AND rule_id = ? LIMIT 1').get(kitchenId, deviceId, ruleId) !== undefined;
    },
    findLive(kitchenId: string, deviceId: string, ruleId: string): Alert | undefined {
      const row = findLive.get(kitchenId, deviceId, ruleId) as AlertRow | undefined;
      return row && toAlert(row);
    },
    /** Opens an alert, or, when this unit and rule already has a live one (a re-alarm),
     *  makes that one active again with the new raise time: no duplicates. A re-alarm keeps
     *  the first raise (the board's clock) and restarts the ack clock from its own storing. */
    raise(input: RaiseInput): { alert: Alert; created: boolean } {
      const open = findLive.get(input.kitchenId, input.deviceId, input.ruleId) as AlertRow | undefined;
      if (open) {
        db.prepare(`UPDATE alerts SET status = 'active', raised_at = ?, stored_at = ?, severity = ?, message = ?,
          peak_value = CASE WHEN ? IS NULL THEN peak_value ELSE max(coalesce(peak_value, ?), ?) END WHERE id = ?`)
          .run(input.raisedAt, input.storedAt, input.severity, input.message, input.value, input.value, input.value, open.id);
        return { alert: get(open.id)!, created: false };
      }
      const info = db.prepare(`INSERT INTO alerts (kitchen_id, device_id, rule_id, severity, profile, message, first_out_at, raised_at,
        first_raised_at, stored_at, peak_value)
        VALUES (@kitchenId, @deviceId, @ruleId, @severity, @profile, @message, @firstOutAt, @raisedAt, @raisedAt, @storedAt, @value)`).run(input);
      return { alert: get(Number(info.lastInsertRowid))!, created: true };
    },
    /** Peak and minutes out, as the data go; returns the alert when it changed. */
    progress(kitchenId: string, deviceId: string, ruleId: string, peak: number | null, minutesOut: number): Alert | undefined {
      const open = findLive.get(kitchenId, deviceId, ruleId) as AlertRow | undefined;
      if (!open || (open.peak_value === peak && open.minutes_out === minutesOut)) return undefined;
      db.prepare('UPDATE alerts SET peak_value = ?, minutes_out = ? WHERE id = ?').run(peak, minutesOut, open.id);
      return get(open.id);
    },
    /** The data are back in range (cleared); a person still has to close the alert. */
    clear(kitchenId: string, deviceId: string, ruleId: string, at: number, peak: number | null, minutesOut: number): Alert | undefined {
      const open = findLive.get(kitchenId, deviceId, ruleId) as AlertRow | undefined;
      if (!open) return undefined;
      db.prepare('UPDATE alerts SET cleared_at = ?, peak_value = coalesce(?, peak_value), minutes_out = ? WHERE id = ?')
        .run(at, peak, minutesOut, open.id);
      return get(open.id);
    },
    /** Rewrites a momentary alert by id (an AI event whose detections grow): its text, peak and
     *  clearing time. Returns the alert. */
    amend(id: number, a: { message: string; peak: number | null; clearedAt: number }): Alert | undefined {
      db.prepare('UPDATE alerts SET message = ?, peak_value = ?, cleared_at = ? WHERE id = ?').run(a.message, a.peak, a.clearedAt, id);
      return get(id);
    },
    acknowledge(id: number, by: string, at: number): Alert | undefined {
      db.prepare(`UPDATE alerts SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND status = 'active'`).run(at, by, id);
      return get(id);
    },
    /** Escalation (rule book section 6): to a higher level only, never downwards; the alert when it changed. */
    escalate(id: number, to: 'manager' | 'inspector', at: number): Alert | undefined {
      const changed = db.prepare(`UPDATE alerts SET escalated_to = @to, escalated_at = @at WHERE id = @id
        AND (escalated_to IS NULL OR (escalated_to = 'manager' AND @to = 'inspector'))`).run({ id, to, at }).changes;
      return changed > 0 ? get(id) : undefined;
    },
    /** Alerts the escalation tick must look at: open and not finished with, not yet at the top level. */
    escalationCandidates(): EscalationCandidate[] {
      return (db.prepare(`SELECT * FROM alerts WHERE status IN ('active', 'acknowledged') AND severity <> 'reminder'
        AND (escalated_to IS NULL OR escalated_to <> 'inspector') ORDER BY id`).all() as AlertRow[])
        .map((r) => ({ alert: toAlert(r), clocks: clocksOf(r) }));
    },
    /** The clocks escalation runs on, which the Alert contract does not carry. */
    clocks(id: number): AlertClocks | undefined {
      const row = byId.get(id) as AlertRow | undefined;
      return row && clocksOf(row);
    },
    /** A person's corrective action, when one was recorded (an AI event rejected as a false
     *  positive is resolved by its review, with none). */
    resolve(id: number, at: number, record?: CorrectiveAction): Alert | undefined {
      db.prepare(`UPDATE alerts SET status = 'resolved', resolved_at = @at, resolved_by = @by, cause = @cause,
        corrective_action = @action, disposition = @disposition WHERE id = @id AND status IN ('active', 'acknowledged')`)
        .run({
          id, at, by: record?.by ?? null, cause: record?.cause ?? null, action: record?.correctiveAction ?? null,
          disposition: record ? JSON.stringify(record.disposition) : null,
        });
      return get(id);
    },
    /** Closing is the verification: `by` is who checked the corrective action. */
    close(id: number, at: number, by: string | null = null): Alert | undefined {
      db.prepare(`UPDATE alerts SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ? AND status = 'resolved'`).run(at, by, id);
      return get(id);
    },
    /** Cleared and closed at once, from any open status, when nothing is left for a person to verify
     *  (a registry reminder whose entry was renewed). Returns the alert when it was open. */
    closeFixed(id: number, at: number, by: string): Alert | undefined {
      const changed = db.prepare(`UPDATE alerts SET status = 'closed', cleared_at = coalesce(cleared_at, @at), closed_at = @at, closed_by = @by
        WHERE id = @id AND status <> 'closed'`).run({ id, at, by }).changes;
      return changed > 0 ? get(id) : undefined;
    },
    list(q: AlertQuery = {}): Alert[] {
      const where: string[] = [];
      const args: unknown[] = [];
      if (q.kitchenId) (where.push('kitchen_id = ?'), args.push(q.kitchenId));
      if (q.kitchenIds) (where.push(`kitchen_id IN (SELECT value FROM json_each(?))`), args.push(JSON.stringify(q.kitchenIds)));
      if (q.status === 'open') where.push(`status <> 'closed'`);
      else if (q.status) (where.push('status = ?'), args.push(q.status));
      const sql = `SELECT * FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY raised_at DESC, id DESC LIMIT ?`;
      return (db.prepare(sql).all(...args, q.limit ?? 200) as AlertRow[]).map(toAlert);
    },
    /** A kitchen's alerts of some rules that started at or after `since` (ms), oldest first. */
    byRules(kitchenId: string, ruleIds: readonly string[], since: number): Alert[] {
      const marks = ruleIds.map(() => '?').join(', ');
      const rows = db.prepare(`SELECT * FROM alerts WHERE kitchen_id = ? AND rule_id IN (${marks}) AND first_out_at >= ? ORDER BY first_out_at`)
        .all(kitchenId, ...ruleIds, since) as AlertRow[];
      return rows.map(toAlert);
    },
    countRaised: () => (db.prepare('SELECT count(*) AS n FROM alerts').get() as { n: number }).n,
  };
}

export type AlertsRepo = ReturnType<typeof createAlertsRepo>;
