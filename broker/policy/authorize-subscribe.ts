// SUBSCRIBE: a gateway reads only its own downlink, the server only uplinks.
import type { AedesOptions } from 'aedes';
import { SERVER_UP_FILTER, SERVER_VIDEO_FILTER, gatewayDownFilter } from '../../contracts/topics.ts';
import type { Principal } from '../credentials.ts';
import type { Principals } from './principals.ts';
import type { Refusals } from './refusals.ts';

type AuthorizeSubscribeHandler = NonNullable<AedesOptions['authorizeSubscribe']>;

/** True when every topic that `inner` matches is also matched by `outer` [MQTT-4.7.1]. */
export function filterCovers(outer: string, inner: string): boolean {
  const o = outer.split('/');
  const i = inner.split('/');
  for (let k = 0; k < o.length; k++) {
    if (o[k] === '#') return true;
    if (k >= i.length || i[k] === '#') return false;
    if (o[k] !== '+' && o[k] !== i[k]) return false;
  }
  return o.length === i.length;
}

/** The widest filters each role may subscribe to; anything narrower is fine too. */
export function widestFilters(principal: Principal): string[] {
  return principal.role === 'server' ? [SERVER_UP_FILTER, SERVER_VIDEO_FILTER] : [gatewayDownFilter(principal)];
}

export function subscribeAllowed(principal: Principal | null, filter: string): boolean {
  return principal !== null && widestFilters(principal).some((widest) => filterCovers(widest, filter));
}

export interface AuthorizeSubscribeDeps {
  principals: Principals;
  refusals: Refusals;
}

export function createAuthorizeSubscribe({ principals, refusals }: AuthorizeSubscribeDeps): AuthorizeSubscribeHandler {
  return (client, subscription, callback) => {
    if (subscribeAllowed(principals.get(client) ?? null, subscription.topic)) {
      callback(null, subscription);
      return;
    }
    refusals.refuse(client, 'subscribe_not_owner', { filter: subscription.topic.slice(0, 200) });
    // A negated subscription: SUBACK 0x80 for this filter, the connection stays up
    // and the other filters of the same SUBSCRIBE are unaffected.
    callback(null, null);
  };
}
