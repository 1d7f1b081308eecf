// Downlink commands: each gets a correlation id, goes to one gateway on
// down/cmd, and is answered by the reply with the same id on up/reply, or by a
// timeout. A reply from another gateway cannot answer it.
import { randomUUID } from 'node:crypto';
import type { GatewayAddress } from '../../contracts/topics.ts';
import type { CommandMessage, ReplyMessage } from '../../contracts/payloads.ts';

export class CommandTimeout extends Error {}

interface Pending { gw: string; resolve(reply: ReplyMessage): void; timer: NodeJS.Timeout }

export function createCommandService(deps: {
  publish(gw: GatewayAddress, command: CommandMessage): void;
  timeoutMs?: number;
}) {
  const pending = new Map<string, Pending>();
  const key = (gw: GatewayAddress) => `${gw.kitchenId}/${gw.gatewayId}`;
  return {
    send(gw: GatewayAddress, name: CommandMessage['name'], args?: CommandMessage['args']): Promise<ReplyMessage> {
      const id = randomUUID();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new CommandTimeout(`no reply from ${key(gw)} within ${deps.timeoutMs ?? 10_000} ms`));
        }, deps.timeoutMs ?? 10_000);
        pending.set(id, { gw: key(gw), resolve, timer });
        deps.publish(gw, { v: 1, id, name, ...(args ? { args } : {}) });
      });
    },
    onReply(gw: GatewayAddress, reply: ReplyMessage): boolean {
      const entry = pending.get(reply.id);
      if (!entry || entry.gw !== key(gw)) return false;
      clearTimeout(entry.timer);
      pending.delete(reply.id);
      entry.resolve(reply);
      return true;
    },
    stop() {
      for (const entry of pending.values()) clearTimeout(entry.timer);
      pending.clear();
    },
  };
}

export type CommandService = ReturnType<typeof createCommandService>;
