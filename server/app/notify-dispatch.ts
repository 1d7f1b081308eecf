// One attempt to reach one channel: the gateway's `notify` command (delivered when a gateway
// replies ok), a webhook POST of the Notification, or a WeCom / DingTalk robot message (delivered
// when the robot answers errcode 0). Every failure, a timeout included, is an AttemptResult,
// never a throw: the notifier decides about retries.
import type { Channel } from '../../contracts/notifications.ts';
import type { CommandService } from './commands.ts';
import type { PostJson } from '../adapters/notify/http-sender.ts';
import { dingtalkBody, gatewayArgs, webhookBody, wecomBody, type NoticeFacts } from '../domain/notifications/messages.ts';
import { dingtalkSignedUrl, judgeResponse } from '../domain/notifications/robots.ts';
import type { AttemptResult } from '../domain/notifications/retry.ts';

export interface DispatchDeps {
  post: PostJson;
  commands: Pick<CommandService, 'send'>;
  /** The gateways a kitchen has (for a channel targeting "*"). */
  gatewaysOf(kitchenId: string): string[];
  secretOf(channelId: number): string | null;
  /** Transport time for DingTalk's signature, which the robot checks against its own clock:
   *  the real clock, never the rules' injected one. */
  wallClock(): number;
  timeoutMs: number;
}

const reason = (err: unknown): string => {
  const e = err as Error;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timed out';
  return (e?.message || String(err)).slice(0, 200);
};

export function createDispatcher(deps: DispatchDeps) {
  function withTimeout<T>(p: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), deps.timeoutMs);
    });
    return Promise.race([p, limit]).finally(() => clearTimeout(timer));
  }

  /** Sent when any one of the targeted gateways shows it: one display seen in the kitchen is enough,
   *  and a retry would show it again on those that did. */
  async function toGateways(channel: Channel, facts: NoticeFacts): Promise<AttemptResult> {
    const targets = channel.target === '*' ? deps.gatewaysOf(channel.kitchenId) : [channel.target];
    if (targets.length === 0) return { ok: false, error: 'the kitchen has no gateway' };
    const args = gatewayArgs(facts);
    const results = await Promise.all(targets.map(async (gatewayId): Promise<AttemptResult> => {
      try {
        const reply = await withTimeout(deps.commands.send({ kitchenId: channel.kitchenId, gatewayId }, 'notify', args));
        return reply.ok ? { ok: true } : { ok: false, error: `${gatewayId}: ${reply.error?.code ?? 'refused'}` };
      } catch (err) {
        return { ok: false, error: `${gatewayId}: ${reason(err)}` };
      }
    }));
    if (results.some((r) => r.ok)) return { ok: true };
    return { ok: false, error: results.map((r) => r.error).join('; ') };
  }

  async function toRobot(channel: Channel, facts: NoticeFacts): Promise<AttemptResult> {
    const kind = channel.kind as Exclude<Channel['kind'], 'gateway'>;
    const body = kind === 'webhook' ? webhookBody(facts) : kind === 'wecom' ? wecomBody(facts) : dingtalkBody(facts);
    const secret = kind === 'dingtalk' ? deps.secretOf(channel.id) : null;
    const url = secret ? dingtalkSignedUrl(channel.target, secret, deps.wallClock()) : channel.target;
    try {
      const answer = await withTimeout(deps.post(url, body));
      return judgeResponse(kind, answer.status, answer.body);
    } catch (err) {
      return { ok: false, error: reason(err) };
    }
  }

  return {
    attempt: (channel: Channel, facts: NoticeFacts): Promise<AttemptResult> =>
      channel.kind === 'gateway' ? toGateways(channel, facts) : toRobot(channel, facts),
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
