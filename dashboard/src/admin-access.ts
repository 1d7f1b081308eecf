// Which administration pages a user is shown. The server refuses anyway (403); this only keeps
// the link and the controls away from those who cannot use them.
import type { Me } from '../../contracts/auth.ts';
import { can } from './auth.ts';
import type { AdminSection } from './route.ts';

/** The permission each page needs: sites and devices are registry facts; users their own. */
const NEEDS: Record<Exclude<AdminSection, 'home'>, string> = {
  sites: 'registry:write',
  devices: 'registry:write',
  users: 'users:manage',
};

/** The pages the user may open, in the order the navigation lists them. */
export function adminSections(me: Pick<Me, 'can'>): Exclude<AdminSection, 'home'>[] {
  return (Object.keys(NEEDS) as (keyof typeof NEEDS)[]).filter((s) => can(me, NEEDS[s]));
}

/** Whether the top bar shows 管理 at all. */
export function mayAdminister(me: Pick<Me, 'can'>): boolean {
  return adminSections(me).length > 0;
}

/** Whether the user may open this page (the overview: any of them). */
export function mayOpen(me: Pick<Me, 'can'>, section: AdminSection): boolean {
  return section === 'home' ? mayAdminister(me) : adminSections(me).includes(section);
}
