// What people do about an alert (rule book section 6): acknowledge it, record its cause,
// the corrective action and what became of the product, have it verified and closed,
// and comment on it. Every act is also written to the append-only, hash-chained audit log.
import { Type, type Static } from '@sinclair/typebox';

/** Why the unit went out of range, as the kitchen found it. */
export const CAUSES = ['door', 'defrost', 'breakdown', 'power', 'sensor_fault', 'loading', 'other'] as const;
export const Cause = Type.Union(CAUSES.map((c) => Type.Literal(c)));
export type Cause = Static<typeof Cause>;

/** What became of the food: kept (with a reason), moved to another unit, reheated, discarded; none affected. */
export const DISPOSITIONS = ['kept', 'moved', 'reheated', 'discarded', 'none'] as const;
export const DispositionKind = Type.Union(DISPOSITIONS.map((d) => Type.Literal(d)));
export type DispositionKind = Static<typeof DispositionKind>;

export const Disposition = Type.Object(
  {
    kind: DispositionKind,
    quantity: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'e.g. "3 kg", "12 portions"; required when discarded or moved' })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'required when kept' })),
  },
  { additionalProperties: false },
);
export type Disposition = Static<typeof Disposition>;

/** POST /api/alerts/{id}/resolve: the kitchen's corrective action. */
export const ResolveRequest = Type.Object(
  { cause: Cause, correctiveAction: Type.String({ minLength: 1, maxLength: 500 }), disposition: Disposition },
  { additionalProperties: false },
);
export type ResolveRequest = Static<typeof ResolveRequest>;

/** POST /api/alerts/{id}/close: verification by a manager or inspector, who is recorded as the verifier. */
export const CloseRequest = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export type CloseRequest = Static<typeof CloseRequest>;

/** POST /api/alerts/{id}/comments */
export const CommentRequest = Type.Object({ text: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export type CommentRequest = Static<typeof CommentRequest>;

export const ALERT_ACTS = ['acknowledged', 'resolved', 'closed', 'commented'] as const;

/** One entry of an alert's history (GET /api/alerts/{id}/history), oldest first. */
export const AlertHistoryEntry = Type.Object({
  at: Type.String({ format: 'date-time' }),
  act: Type.Union([Type.Literal('raised'), Type.Literal('cleared'), Type.Literal('escalated'), ...ALERT_ACTS.map((a) => Type.Literal(a))]),
  /** Who acted: a person's display name, or "system" for the rules. */
  actor: Type.String(),
  role: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
  /** The audit log entry that records it (null for the rules' own acts). */
  auditSeq: Type.Union([Type.Integer(), Type.Null()]),
});
export type AlertHistoryEntry = Static<typeof AlertHistoryEntry>;

/** GET /api/audit/verify: the chain recomputed from its first entry. */
export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer(),
  head: Type.Union([Type.String(), Type.Null()], { description: 'hash of the newest entry' }),
  brokenAt: Type.Union([Type.Integer(), Type.Null()], { description: 'first entry whose hash does not match' }),
});
export type AuditVerification = Static<typeof AuditVerification>;
