// REST calls of a kitchen's notification channels (its escalation chain) and the delivery
// record, on api.ts's readJson (through registry-api.ts's send). The server checks channels:write on every change.
import type { Channel, ChannelRequest, Delivery } from '../../contracts/notifications.ts';
import { send } from './registry-api.ts';

const seg = encodeURIComponent;
const channelsPath = (kitchenId: string): string => `api/kitchens/${seg(kitchenId)}/channels`;

export const notifyApi = {
  channels: (kitchenId: string, signal?: AbortSignal) => send<Channel[]>('GET', channelsPath(kitchenId), undefined, signal),
  /** 201. */
  addChannel: (kitchenId: string, req: ChannelRequest, signal?: AbortSignal) => send<Channel>('POST', channelsPath(kitchenId), req, signal),
  updateChannel: (kitchenId: string, id: number, req: ChannelRequest, signal?: AbortSignal) =>
    send<Channel>('PUT', `${channelsPath(kitchenId)}/${seg(String(id))}`, req, signal),
  /** 204. */
  deleteChannel: (kitchenId: string, id: number, signal?: AbortSignal) =>
    send<null>('DELETE', `${channelsPath(kitchenId)}/${seg(String(id))}`, undefined, signal),
  /** Sends a test message now; the answer is its delivery record. */
  testChannel: (kitchenId: string, id: number, signal?: AbortSignal) =>
    send<Delivery>('POST', `${channelsPath(kitchenId)}/${seg(String(id))}/test`, undefined, signal),
  /** Newest first; `alert` narrows to one alert. */
  deliveries: (kitchenId: string, opts: { alert?: number; limit?: number } = {}, signal?: AbortSignal) => {
    const q = new URLSearchParams();
    if (opts.alert !== undefined) q.set('alert', String(opts.alert));
    if (opts.limit !== undefined) q.set('limit', String(opts.limit));
    const s = q.toString();
    return send<Delivery[]>('GET', `api/kitchens/${seg(kitchenId)}/deliveries${s ? `?${s}` : ''}`, undefined, signal);
  },
  alertDeliveries: (alertId: number, signal?: AbortSignal) => send<Delivery[]>('GET', `api/alerts/${seg(String(alertId))}/deliveries`, undefined, signal),
};
