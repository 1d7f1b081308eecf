import { describe, expect, it } from 'vitest';
import { alertSubjectName } from './components/kitchen-card.ts';
import { emptyState } from './store.ts';

describe('a registry reminder names its subject', () => {
  const state = emptyState();

  it('[FS-REG-HEALTH-CERT] a staff member by name, read from the message the server wrote', () => {
    const a = { kitchenId: 'k1', deviceId: 'staff-2', message: '李秀英 (staff-2): health certificate lapsed on 2026-11-12 [CN-GB31654]' };
    expect(alertSubjectName(state, a)).toBe('李秀英');
  });

  it('[FS-REG-LICENCE] the licence by its name, in the current language', () => {
    expect(alertSubjectName(state, { kitchenId: 'k1', deviceId: 'licence', message: 'licence lapses …' })).toBe('食品经营许可证');
  });

  it("leaves other subjects alone: the engine's English message is never shown as a name", () => {
    const a = { kitchenId: 'k1', deviceId: 'cam-9', message: 'smoking seen by camera 后厨 (cam-9): 1 detection' };
    expect(alertSubjectName(state, a)).toBe('cam-9');
  });
});
