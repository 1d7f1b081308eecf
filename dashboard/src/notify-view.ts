// The notification settings' pure parts (rule book section 6): a channel form read into the
// ChannelRequest contract, a channel's steps and quiet hours in words, and a delivery's state.
import {
  CHANNEL_KINDS, NOTIFY_STEPS, type Channel, type ChannelKind, type ChannelRequest, type Delivery, type DeliveryStatus, type NotifyStep,
} from '../../contracts/notifications.ts';
import { t, type Key } from './i18n.ts';
import type { Parsed } from './registry-view.ts';

export type MinSeverity = NonNullable<ChannelRequest['minSeverity']>;
export const MIN_SEVERITIES: readonly MinSeverity[] = ['reminder', 'warning', 'alarm', 'critical'];

export interface ChannelFields {
  kind: string;
  name: string;
  target: string;
  /** Empty: keep the secret already set (or none). */
  secret: string;
  steps: string[];
  minSeverity: string;
  quietFrom: string;
  quietTo: string;
  enabled: boolean;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const isKind = (k: string): k is ChannelKind => (CHANNEL_KINDS as readonly string[]).includes(k);
const isStep = (s: string): s is NotifyStep => (NOTIFY_STEPS as readonly string[]).includes(s);

/** A robot or webhook needs an http(s) URL; a gateway channel names its gateway (or "*"). */
function validTarget(kind: ChannelKind, target: string): boolean {
  if (kind === 'gateway') return /^(\*|[A-Za-z0-9_-]{1,64})$/.test(target);
  try {
    const u = new URL(target);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function readChannel(f: ChannelFields): Parsed<ChannelRequest> {
  if (!isKind(f.kind)) return { ok: false, error: 'ch.err.target' };
  const name = f.name.trim();
  const target = f.target.trim();
  if (!name) return { ok: false, error: 'ch.err.name' };
  if (!validTarget(f.kind, target)) return { ok: false, error: 'ch.err.target' };
  const steps = [...new Set(f.steps.filter(isStep))];
  if (!steps.length) return { ok: false, error: 'ch.err.steps' };
  const from = f.quietFrom.trim();
  const to = f.quietTo.trim();
  if ((from || to) && !(HHMM.test(from) && HHMM.test(to) && from !== to)) return { ok: false, error: 'ch.err.quiet' };
  const minSeverity = (MIN_SEVERITIES as readonly string[]).includes(f.minSeverity) ? (f.minSeverity as MinSeverity) : 'warning';
  const secret = f.kind === 'dingtalk' && f.secret.trim() ? { secret: f.secret.trim() } : {};
  return {
    ok: true,
    value: { kind: f.kind, name, target, steps, minSeverity, quietHours: from ? { from, to } : null, enabled: f.enabled, ...secret },
  };
}

/** The form's starting values: a channel being edited, or a new one listening to the kitchen's own
 *  steps (the inspectors' step makes it the regulator's channel, which only an administrator sets up). */
export function channelFields(c: Channel | null): ChannelFields {
  return {
    kind: c?.kind ?? 'wecom',
    name: c?.name ?? '',
    target: c?.target ?? '',
    secret: '',
    steps: c ? [...c.steps] : ['raised', 'escalated_manager'],
    minSeverity: c?.minSeverity ?? 'warning',
    quietFrom: c?.quietHours?.from ?? '',
    quietTo: c?.quietHours?.to ?? '',
    enabled: c?.enabled ?? true,
  };
}

export function stepsText(steps: readonly NotifyStep[]): string {
  return NOTIFY_STEPS.filter((s) => steps.includes(s)).map((s) => t(`ch.step.${s}` satisfies Key)).join(' · ');
}

export function quietText(q: Channel['quietHours']): string {
  return q ? t('ch.quietRange', { from: q.from, to: q.to }) : t('ch.quietNone');
}

/** How a delivery's state looks: a tone for the chip (with its word, never colour alone). */
export const DELIVERY_TONE: Readonly<Record<DeliveryStatus, 'ok' | 'warning' | 'alarm' | 'unknown'>> = {
  sent: 'ok',
  pending: 'unknown',
  deferred: 'unknown',
  failed: 'warning',
  gave_up: 'alarm',
};

export function deliveryStatusText(status: DeliveryStatus): string {
  return t(`dl.status.${status}` satisfies Key);
}

/** Newest first, by when it was created. */
export function newestDeliveries(list: readonly Delivery[]): Delivery[] {
  return [...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
}
