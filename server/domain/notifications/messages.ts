// The words of a notification, in Chinese for the people who read them: the site, the subject,
// the rule's name and ID, the severity, the site-local time and a link when the server's public
// URL is known. One set of facts, four shapes: the webhook's Notification JSON, the WeCom and
// DingTalk group-robot markdown messages, and the gateway's `notify` command arguments. Pure.
import type { Alert, Severity } from '../../../contracts/api.ts';
import type { Notification, NotifyStep } from '../../../contracts/notifications.ts';
import { RULE_NAMES } from '../../../contracts/rule-names.ts';

export interface NoticeFacts {
  step: NotifyStep;
  alert: Pick<Alert, 'id' | 'kitchenId' | 'ruleId' | 'severity' | 'status' | 'message' | 'raisedAt'>;
  kitchenName: string;
  /** The unit, camera, sample or registry item, by name. */
  subject: string;
  timeZone: string;
  publicUrl: string | null;
  /** A channel's test message (POST …/channels/{id}/test), not an alert. */
  test?: boolean;
  /** When this attempt is made, on the rules' clock (which the gateways' clocks follow). */
  at: number;
}

/**
 * How long a gateway may still show a `notify` after it was sent. Commands are QoS 1 on a
 * persistent session, so a gateway that was offline receives every queued one when it comes back:
 * without a limit the buzzer would sound for alerts long dealt with. The server counted the
 * attempt failed after 5 s and retries what still matters; 5 min leaves room for a gateway clock
 * a little off, as much as the server accepts readings ahead of its own (MAX_CLOCK_AHEAD_MS).
 */
export const NOTICE_TTL_MS = 5 * 60_000;

export const SEVERITY_ZH: Readonly<Record<Severity, string>> = { reminder: '提醒', warning: '预警', alarm: '报警', critical: '严重' };

const STEP_ZH: Readonly<Record<NotifyStep, string>> = {
  raised: '新告警',
  escalated_manager: '超时未确认，已升级至店长',
  escalated_inspector: '严重告警未处理，已上报监管看板',
  reminder: '到期提醒',
};

/** WeCom allows 4096 bytes of markdown, DingTalk a little more; the alert's own text is cut first. */
const MAX_MESSAGE_CHARS = 300;

export const ruleNameZh = (ruleId: string): string => RULE_NAMES[ruleId]?.zh ?? ruleId;

/** 2026-11-20 10:02, on the site's clock. */
export function siteTime(ms: number, timeZone: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The alert in the dashboard: its kitchen's page. */
export function alertUrl(publicUrl: string | null, alert: Pick<Alert, 'id' | 'kitchenId'>): string | null {
  if (!publicUrl) return null;
  return `${publicUrl.replace(/\/+$/, '')}/#/kitchen/${encodeURIComponent(alert.kitchenId)}?alert=${alert.id}`;
}

const clip = (text: string) => (text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text);

/** 【报警】春晖社区长者饭堂 · 柜门未关 */
export function noticeTitle(f: NoticeFacts): string {
  const tag = f.test ? '测试' : SEVERITY_ZH[f.alert.severity];
  return `【${tag}】${f.kitchenName} · ${f.test ? '通知渠道测试' : ruleNameZh(f.alert.ruleId)}`;
}

/** The markdown both robots show (the subset WeCom and DingTalk share: headings, lists, quotes, links). */
export function noticeMarkdown(f: NoticeFacts): string {
  const url = alertUrl(f.publicUrl, f.alert);
  const lines = [
    `### ${noticeTitle(f)}`,
    `> ${f.test ? '这是一条测试通知，收到即表示渠道已接通' : STEP_ZH[f.step]}`,
    '',
    `- 对象：${f.subject}`,
    `- 规则：${ruleNameZh(f.alert.ruleId)}（${f.alert.ruleId}）`,
    `- 级别：${SEVERITY_ZH[f.alert.severity]}`,
    `- 时间：${siteTime(Date.parse(f.alert.raisedAt), f.timeZone)}（${f.timeZone}）`,
    `- 说明：${clip(f.alert.message)}`,
  ];
  if (url) lines.push('', `[查看告警](${url})`);
  return lines.join('\n');
}

/** The plain webhook's body (contracts/notifications.ts). */
export function webhookBody(f: NoticeFacts): Notification {
  const { alert } = f;
  return {
    step: f.step, alertId: alert.id, kitchenId: alert.kitchenId, kitchenName: f.kitchenName, subject: f.subject,
    ruleId: alert.ruleId, severity: alert.severity, status: alert.status, message: alert.message, raisedAt: alert.raisedAt,
    url: alertUrl(f.publicUrl, alert),
  };
}

/** WeCom group robot: POST {msgtype: markdown, markdown: {content}}. */
export const wecomBody = (f: NoticeFacts) => ({ msgtype: 'markdown', markdown: { content: noticeMarkdown(f) } });

/** DingTalk custom robot: POST {msgtype: markdown, markdown: {title, text}}; the title is the chat-list preview. */
export const dingtalkBody = (f: NoticeFacts) => ({ msgtype: 'markdown', markdown: { title: noticeTitle(f), text: noticeMarkdown(f) } });

/** The kitchen display's line: short, for a small screen across the kitchen. */
export function displayText(f: NoticeFacts): string {
  const time = siteTime(Date.parse(f.alert.raisedAt), f.timeZone).slice(11);
  if (f.test) return '【测试】通知渠道测试';
  return `【${SEVERITY_ZH[f.alert.severity]}】${f.subject} ${ruleNameZh(f.alert.ruleId)} ${time}${f.step === 'raised' || f.step === 'reminder' ? '' : ` · ${STEP_ZH[f.step]}`}`;
}

/** Arguments of the gateway's `notify` command (flat, as every command's). The buzzer sounds for
 *  alarm and critical; `expiresAt` (epoch ms) is when the gateway must refuse it as stale. */
export function gatewayArgs(f: NoticeFacts): Record<string, string | number | boolean> {
  return {
    alertId: f.alert.id, step: f.step, severity: f.alert.severity, ruleId: f.alert.ruleId, subject: f.subject,
    text: displayText(f), buzzer: !f.test && (f.alert.severity === 'alarm' || f.alert.severity === 'critical'),
    expiresAt: f.at + NOTICE_TTL_MS,
  };
}
