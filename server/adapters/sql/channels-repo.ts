// A site's notification channels (its escalation chain, table `channels`). A removed channel is
// kept, marked deleted, because its deliveries still name it. The signing secret is read only by
// the sender (secretOf); a Channel as the API shows it says hasSecret instead.
import type { Severity } from '../../../contracts/api.ts';
import type { Channel, ChannelKind, ChannelRequest, NotifyStep } from '../../../contracts/notifications.ts';
import type { Db } from './database.ts';

interface ChannelRow {
  id: number; kitchen_id: string; kind: ChannelKind; name: string; target: string; secret: string | null; steps: string;
  min_severity: Severity; quiet_from: string | null; quiet_to: string | null; enabled: number; deleted_at: number | null;
}

function toChannel(r: ChannelRow): Channel {
  return {
    id: r.id, kitchenId: r.kitchen_id, kind: r.kind, name: r.name, target: r.target, hasSecret: r.secret !== null && r.secret !== '',
    steps: JSON.parse(r.steps) as NotifyStep[], minSeverity: r.min_severity,
    quietHours: r.quiet_from !== null && r.quiet_to !== null ? { from: r.quiet_from, to: r.quiet_to } : null,
    enabled: r.enabled === 1,
  };
}

/** A channel's stored fields; on update `secret` undefined keeps the stored one (while kind and
 *  target stay the same), null removes it. */
function params(req: ChannelRequest) {
  return {
    kind: req.kind, name: req.name, target: req.target, steps: JSON.stringify(req.steps), minSeverity: req.minSeverity ?? 'warning',
    quietFrom: req.quietHours?.from ?? null, quietTo: req.quietHours?.to ?? null, enabled: req.enabled === false ? 0 : 1,
  };
}

export function createChannelsRepo(db: Db) {
  const byId = db.prepare('SELECT * FROM channels WHERE id = ? AND kitchen_id = ? AND deleted_at IS NULL');
  const get = (kitchenId: string, id: number): Channel | undefined => {
    const row = byId.get(id, kitchenId) as ChannelRow | undefined;
    return row && toChannel(row);
  };
  return {
    get,
    list(kitchenId: string): Channel[] {
      return (db.prepare('SELECT * FROM channels WHERE kitchen_id = ? AND deleted_at IS NULL ORDER BY id').all(kitchenId) as ChannelRow[]).map(toChannel);
    },
    create(kitchenId: string, req: ChannelRequest): Channel {
      const info = db.prepare(`INSERT INTO channels (kitchen_id, kind, name, target, secret, steps, min_severity, quiet_from, quiet_to, enabled)
        VALUES (@kitchenId, @kind, @name, @target, @secret, @steps, @minSeverity, @quietFrom, @quietTo, @enabled)`)
        .run({ kitchenId, ...params(req), secret: req.secret ?? null });
      return get(kitchenId, Number(info.lastInsertRowid))!;
    },
    /** A stored secret signs for the robot it was given with: a channel pointed elsewhere (another
     *  host, path or token: another robot) or of another kind loses it unless a new one comes along,
     *  or whoever may repoint it would receive validly signed requests they could replay.
     *  (SQLite reads `kind` and `target` on the right-hand side as they were before the update.) */
    update(kitchenId: string, id: number, req: ChannelRequest): Channel | undefined {
      db.prepare(`UPDATE channels SET kind = @kind, name = @name, target = @target, steps = @steps, min_severity = @minSeverity,
        quiet_from = @quietFrom, quiet_to = @quietTo, enabled = @enabled,
        secret = CASE WHEN @keepSecret = 1 AND kind = @kind AND target = @target THEN secret ELSE @secret END
        WHERE id = @id AND kitchen_id = @kitchenId AND deleted_at IS NULL`)
        .run({ id, kitchenId, ...params(req), keepSecret: req.secret === undefined ? 1 : 0, secret: req.secret ?? null });
      return get(kitchenId, id);
    },
    /** The row stays for its deliveries; its secret goes (nothing is sent to a removed channel). */
    remove(kitchenId: string, id: number, at: number): boolean {
      return db.prepare('UPDATE channels SET deleted_at = ?, secret = NULL WHERE id = ? AND kitchen_id = ? AND deleted_at IS NULL').run(at, id, kitchenId).changes === 1;
    },
    /** Any channel by id, removed ones too (a delivery planned before the removal asks). */
    find(id: number): (Channel & { removed: boolean }) | undefined {
      const row = db.prepare('SELECT * FROM channels WHERE id = ?').get(id) as ChannelRow | undefined;
      return row && { ...toChannel(row), removed: row.deleted_at !== null };
    },
    /** For the sender only: never part of a Channel. */
    secretOf(id: number): string | null {
      const row = db.prepare('SELECT secret FROM channels WHERE id = ?').get(id) as { secret: string | null } | undefined;
      return row?.secret || null;
    },
  };
}

export type ChannelsRepo = ReturnType<typeof createChannelsRepo>;
