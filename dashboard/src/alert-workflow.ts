// What people do about an alert (rule book section 6), in the dashboard's terms: which actions
// a user may take on an alert now, the corrective-action form checked as the server checks it,
// labels for causes, dispositions and history entries, and a failed action in words.
// No I/O and no DOM, so it is tested without a browser. The server decides; this only chooses what to show.
import type { Alert } from '../../contracts/api.ts';
import {
  CAUSES,
  DISPOSITIONS,
  type AlertHistoryEntry,
  type Cause,
  type DispositionKind,
  type ResolveRequest,
} from '../../contracts/alert-workflow.ts';
import type { Me } from '../../contracts/auth.ts';
import { ApiRequestError } from './api.ts';
import { roleName } from './auth.ts';
import { t, type Key } from './i18n.ts';

export { CAUSES, DISPOSITIONS };
export type { Cause, DispositionKind };

/** The limits of contracts/alert-workflow.ts, so the form refuses what the server would. */
export const LIMITS = { correctiveAction: 500, quantity: 40, reason: 200, note: 500, comment: 500 } as const;

export type Actor = Pick<Me, 'role' | 'can' | 'displayName' | 'username'>;

export interface AlertActions {
  /** 确认收到: still active, and the user may acknowledge. */
  ack: boolean;
  /** 处理完成: active or acknowledged, and the user may record the corrective action. */
  resolve: boolean;
  /** 核查关闭: resolved, the user may close, and did not resolve it themselves. */
  close: boolean;
  /** Resolved and the user may close, but they resolved it: someone else has to verify. */
  closeNeedsOther: boolean;
  /** 添加备注: everyone but auditors (who change nothing). */
  comment: boolean;
}

/** The actions a user may take on an alert now. */
export function alertActions(alert: Pick<Alert, 'status' | 'resolvedBy'>, me: Actor | null): AlertActions {
  const may = (action: string): boolean => !!me && me.can.includes(action);
  const resolvedByMe = !!me && !!alert.resolvedBy && (alert.resolvedBy === me.displayName || alert.resolvedBy === me.username);
  const closable = alert.status === 'resolved' && may('alert:close');
  return {
    ack: alert.status === 'active' && may('alert:ack'),
    resolve: (alert.status === 'active' || alert.status === 'acknowledged') && may('alert:resolve'),
    close: closable && !resolvedByMe,
    closeNeedsOther: closable && resolvedByMe,
    comment: !!me && me.role !== 'auditor',
  };
}

/** Kitchen staff and managers see their own kitchen's open alerts first, large, with one-tap buttons. */
export function showsStaffView(me: Pick<Me, 'role' | 'kitchenId'> | null, kitchenId: string): boolean {
  return !!me && (me.role === 'kitchen_staff' || me.role === 'kitchen_manager') && me.kitchenId === kitchenId;
}

export function causeLabel(cause: string): string {
  return (CAUSES as readonly string[]).includes(cause) ? t(`cause.${cause as Cause}` satisfies Key) : cause;
}

export function dispositionLabel(kind: string): string {
  return (DISPOSITIONS as readonly string[]).includes(kind) ? t(`disposition.${kind as DispositionKind}` satisfies Key) : kind;
}

/** Two or three phrases to tap into the corrective-action box, for the chosen cause. */
export function actionSuggestions(cause: Cause | ''): string[] {
  if (!cause) return [];
  const keys = SUGGESTIONS[cause];
  return keys.map((k) => t(k));
}

const SUGGESTIONS: Readonly<Record<Cause, readonly Key[]>> = {
  door: ['suggest.door.1', 'suggest.door.2', 'suggest.door.3'],
  defrost: ['suggest.defrost.1', 'suggest.defrost.2'],
  breakdown: ['suggest.breakdown.1', 'suggest.breakdown.2', 'suggest.breakdown.3'],
  power: ['suggest.power.1', 'suggest.power.2'],
  sensor_fault: ['suggest.sensor_fault.1', 'suggest.sensor_fault.2'],
  loading: ['suggest.loading.1', 'suggest.loading.2'],
  other: ['suggest.other.1', 'suggest.other.2'],
};

/** Adds a suggestion to what is typed already (not twice). */
export function appendSuggestion(text: string, suggestion: string): string {
  const current = text.trim();
  if (!current) return suggestion;
  if (current.includes(suggestion)) return current;
  return `${current.replace(/[；;。.，,]$/, '')}；${suggestion}`;
}

export const needsQuantity = (kind: string): boolean => kind === 'discarded' || kind === 'moved';
export const needsReason = (kind: string): boolean => kind === 'kept';

/** The form as typed: strings, '' for nothing chosen. */
export interface ResolveForm {
  cause: string;
  correctiveAction: string;
  disposition: string;
  quantity: string;
  reason: string;
}

export type ResolveField = 'cause' | 'correctiveAction' | 'disposition' | 'quantity' | 'reason';

export type ResolveCheck =
  | { ok: true; request: ResolveRequest }
  | { ok: false; field: ResolveField; message: string };

/** Checks the form as the server does (ResolveRequest) and builds the request body; the first problem in words. */
export function validateResolve(form: ResolveForm): ResolveCheck {
  const fail = (field: ResolveField, key: Key, vars?: Record<string, number>): ResolveCheck => ({ ok: false, field, message: t(key, vars) });
  const cause = form.cause.trim();
  if (!(CAUSES as readonly string[]).includes(cause)) return fail('cause', 'resolve.err.cause');
  const action = form.correctiveAction.trim();
  if (!action) return fail('correctiveAction', 'resolve.err.action');
  if (action.length > LIMITS.correctiveAction) return fail('correctiveAction', 'resolve.err.tooLong', { n: LIMITS.correctiveAction });
  const kind = form.disposition.trim();
  if (!(DISPOSITIONS as readonly string[]).includes(kind)) return fail('disposition', 'resolve.err.disposition');
  const disposition: ResolveRequest['disposition'] = { kind: kind as DispositionKind };
  if (needsQuantity(kind)) {
    const quantity = form.quantity.trim();
    if (!quantity) return fail('quantity', 'resolve.err.quantity');
    if (quantity.length > LIMITS.quantity) return fail('quantity', 'resolve.err.tooLong', { n: LIMITS.quantity });
    disposition.quantity = quantity;
  }
  if (needsReason(kind)) {
    const reason = form.reason.trim();
    if (!reason) return fail('reason', 'resolve.err.reason');
    if (reason.length > LIMITS.reason) return fail('reason', 'resolve.err.tooLong', { n: LIMITS.reason });
    disposition.reason = reason;
  }
  return { ok: true, request: { cause: cause as Cause, correctiveAction: action, disposition } };
}

/** "废弃（3 kg）", "继续使用：…": what became of the food, in words. */
export function dispositionText(d: { kind: string; quantity?: string; reason?: string } | null | undefined): string {
  if (!d) return '';
  const label = d.kind === 'kept' ? t('disposition.keptShort') : dispositionLabel(d.kind);
  if (d.quantity) return t('disposition.withQuantity', { label, q: d.quantity });
  if (d.reason) return t('disposition.withReason', { label, reason: d.reason });
  return label;
}

/** The corrective-action record of a resolved or closed alert, in lines for a list; null before. */
export function correctiveRecord(alert: Alert): { cause: string; action: string; food: string; resolvedBy: string | null; closedBy: string | null } | null {
  if (alert.status !== 'resolved' && alert.status !== 'closed') return null;
  if (!alert.cause && !alert.correctiveAction && !alert.resolvedBy) return null;
  return {
    cause: alert.cause ? causeLabel(alert.cause) : '',
    action: alert.correctiveAction ?? '',
    food: dispositionText(alert.disposition),
    resolvedBy: alert.resolvedBy,
    closedBy: alert.status === 'closed' ? alert.closedBy : null,
  };
}

export function historyActLabel(act: string): string {
  const known: Record<string, Key> = {
    raised: 'history.raised',
    cleared: 'history.cleared',
    acknowledged: 'history.acknowledged',
    resolved: 'history.resolved',
    closed: 'history.closed',
    commented: 'history.commented',
  };
  return known[act] ? t(known[act]) : act;
}

/** Who acted: "李秀英（食堂负责人）", the rules as 系统. */
export function historyActor(entry: Pick<AlertHistoryEntry, 'actor' | 'role'>): string {
  if (entry.actor === 'system') return t('history.system');
  return entry.role ? t('history.actorRole', { who: entry.actor, role: roleName(entry.role) }) : entry.actor;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The entry's detail in words, one line each: cause, action, food, note, comment; unknown keys are left out. */
export function historyDetail(entry: Pick<AlertHistoryEntry, 'act' | 'detail'>): string[] {
  const d = entry.detail ?? {};
  const out: string[] = [];
  const field = (label: Key, value: string): string => t('history.field', { label: t(label), value });
  const cause = str(d.cause);
  if (cause) out.push(field('resolve.cause', causeLabel(cause)));
  const action = str(d.correctiveAction);
  if (action) out.push(field('resolve.action', action));
  const disp = d.disposition;
  if (disp && typeof disp === 'object' && typeof (disp as { kind?: unknown }).kind === 'string') {
    out.push(field('resolve.disposition', dispositionText(disp as { kind: string; quantity?: string; reason?: string })));
  }
  const note = str(d.note);
  if (note) out.push(field('history.note', note));
  const text = str(d.text);
  if (text) out.push(text);
  return out;
}

export type ActionKind = 'ack' | 'resolve' | 'close' | 'comment' | 'history';

/** A failed action in words, for `.form-error`. */
export function actionErrorText(err: unknown, kind: ActionKind): string {
  if (err instanceof ApiRequestError) {
    switch (err.code) {
      case 'invalid_body':
        return t('action.err.invalid', { msg: err.message || err.code });
      case 'forbidden':
        return t(kind === 'close' ? 'action.err.forbiddenClose' : 'action.err.forbidden');
      case 'invalid_transition':
        return t(kind === 'close' ? 'action.err.notResolved' : 'action.err.transition');
      case 'not_found':
        return t('action.err.notFound');
      default:
        return err.status >= 500 ? t('action.err.server') : t('action.err.failed', { msg: err.message || err.code });
    }
  }
  return t('action.err.network');
}
