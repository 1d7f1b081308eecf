// The demo district's authorities and people: a city, its district, two street offices
// and the district's civil-affairs bureau (one canteen sits in several authorities'
// scopes), and one account per kind of user. Passwords are public (README): a demo only.
import type { Role } from '../contracts/auth.ts';
import type { Accounts } from '../server/app/accounts.ts';
import type { DemoKitchen } from './demo-district.ts';

export interface DemoAccount { username: string; password: string; displayName: string; role: Role; kitchenId?: string; jurisdictions?: string[]; sees: string }

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', password: 'admin-demo-2026', displayName: '系统管理员', role: 'admin', sees: 'everything; registers sites, devices, users' },
  { username: 'inspector', password: 'inspector-demo-2026', displayName: '张监管（示范区市场监管局）', role: 'inspector', jurisdictions: ['demo-district'], sees: 'all 20 kitchens of the district' },
  { username: 'east-inspector', password: 'inspector-demo-2026', displayName: '李督查（东街道）', role: 'inspector', jurisdictions: ['demo-east'], sees: 'the 10 kitchens of the east street (k001–k010)' },
  // k007's freezer door is left open 2 min after the start: its staff have an FS-DOOR alert to work through.
  { username: 'k007-manager', password: 'kitchen-demo-2026', displayName: '王经理（春晖社区长者饭堂）', role: 'kitchen_manager', kitchenId: 'k007', sees: 'k007 only' },
  { username: 'k007-staff', password: 'kitchen-demo-2026', displayName: '刘师傅（春晖社区长者饭堂）', role: 'kitchen_staff', kitchenId: 'k007', sees: 'k007 only' },
  { username: 'auditor', password: 'auditor-demo-2026', displayName: '审计员', role: 'auditor', sees: 'everything, read-only' },
];

/** Idempotent: a second start finds the same authorities and accounts. */
export async function seedDemoAccounts(accounts: Accounts, district: readonly DemoKitchen[]) {
  accounts.upsertJurisdiction({ id: 'demo-city', name: '示范市', level: 'city', parentId: null, videoRetentionDays: null });
  accounts.upsertJurisdiction({ id: 'demo-district', name: '示范区', level: 'district', parentId: 'demo-city', videoRetentionDays: 30 });
  accounts.upsertJurisdiction({ id: 'demo-east', name: '东街道', level: 'street', parentId: 'demo-district', videoRetentionDays: null });
  accounts.upsertJurisdiction({ id: 'demo-west', name: '西街道', level: 'street', parentId: 'demo-district', videoRetentionDays: null });
  accounts.upsertJurisdiction({ id: 'demo-civil', name: '示范区民政局', level: 'district', parentId: 'demo-city', videoRetentionDays: null });
  for (const [i, k] of district.entries()) {
    accounts.linkKitchen(k.kitchen.id, i < district.length / 2 ? 'demo-east' : 'demo-west');
    // Elderly canteens are overseen by civil affairs too: the same site in a second authority's scope.
    if (k.kitchen.siteType !== '中央厨房') accounts.linkKitchen(k.kitchen.id, 'demo-civil');
  }
  for (const a of DEMO_ACCOUNTS) {
    if (accounts.userExists(a.username)) continue;
    await accounts.createUser({ username: a.username, password: a.password, displayName: a.displayName, role: a.role, kitchenId: a.kitchenId, jurisdictions: a.jurisdictions });
  }
}
