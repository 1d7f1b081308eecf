import { describe, expect, it } from 'vitest';
import { adminSections, mayAdminister, mayOpen } from './admin-access.ts';

const admin = { can: ['kitchen:read', 'registry:write', 'users:manage'] };
const inspector = { can: ['kitchen:read', 'alert:close', 'inspection:record'] };
const userManager = { can: ['users:manage'] };

describe('who sees the administration pages', () => {
  it('shows admins every page', () => {
    expect(adminSections(admin)).toEqual(['sites', 'devices', 'users']);
    expect(mayAdminister(admin)).toBe(true);
    expect(mayOpen(admin, 'home')).toBe(true);
  });

  it('shows no link and opens no page for those without the permissions', () => {
    expect(mayAdminister(inspector)).toBe(false);
    for (const s of ['home', 'sites', 'devices', 'users'] as const) expect(mayOpen(inspector, s)).toBe(false);
  });

  it('opens only the pages a permission covers', () => {
    expect(adminSections(userManager)).toEqual(['users']);
    expect(mayOpen(userManager, 'sites')).toBe(false);
    expect(mayOpen(userManager, 'home')).toBe(true);
  });
});
