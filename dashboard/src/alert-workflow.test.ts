import { afterEach, describe, expect, it } from 'vitest';
import { CAUSES, DISPOSITIONS } from '../../contracts/alert-workflow.ts';
import type { Me } from '../../contracts/auth.ts';
import {
  actionErrorText,
  actionSuggestions,
  alertActions,
  appendSuggestion,
  causeLabel,
  correctiveRecord,
  dispositionLabel,
  dispositionText,
  historyActLabel,
  historyActor,
  historyDetail,
  showsStaffView,
  validateResolve,
  type ResolveForm,
} from './alert-workflow.ts';
import { ApiRequestError } from './api.ts';
import { setLang } from './i18n.ts';
import { alert } from './test-fixtures.ts';

afterEach(() => setLang('zh-CN'));

function me(over: Partial<Me> = {}): Me {
  return { username: 'li', displayName: '李秀英', role: 'kitchen_manager', kitchenId: 'k1', jurisdictions: [], kitchens: ['k1'], can: [], ...over };
}

const STAFF = me({ username: 'zhang', displayName: '张三', role: 'kitchen_staff', can: ['alert:ack', 'alert:resolve'] });
const MANAGER = me({ can: ['alert:ack', 'alert:resolve', 'alert:close', 'alert:verify'] });
const INSPECTOR = me({ username: 'wang', displayName: '王督查', role: 'inspector', kitchenId: null, can: ['alert:ack', 'alert:close', 'alert:verify'] });
const AUDITOR = me({ username: 'audit', displayName: '审计员', role: 'auditor', kitchenId: null, kitchens: 'all', can: [] });

const form = (over: Partial<ResolveForm> = {}): ResolveForm => ({
  cause: 'door',
  correctiveAction: '关好柜门',
  disposition: 'none',
  quantity: '',
  reason: '',
  ...over,
});

describe('which actions show', () => {
  it('offers acknowledge only on an active alert, to those with alert:ack', () => {
    expect(alertActions(alert(1, { status: 'active' }), STAFF).ack).toBe(true);
    expect(alertActions(alert(1, { status: 'acknowledged' }), STAFF).ack).toBe(false);
    expect(alertActions(alert(1, { status: 'active' }), AUDITOR).ack).toBe(false);
    expect(alertActions(alert(1, { status: 'active' }), null).ack).toBe(false);
  });

  it('offers the corrective action on active and acknowledged alerts, to those with alert:resolve', () => {
    for (const status of ['active', 'acknowledged'] as const) expect(alertActions(alert(1, { status }), STAFF).resolve).toBe(true);
    for (const status of ['resolved', 'closed'] as const) expect(alertActions(alert(1, { status }), STAFF).resolve).toBe(false);
    expect(alertActions(alert(1, { status: 'active' }), INSPECTOR).resolve).toBe(false);
  });

  it('offers verify-and-close on resolved alerts, to alert:close, but not to the one who resolved it', () => {
    const resolved = alert(1, { status: 'resolved', resolvedBy: '张三' });
    expect(alertActions(resolved, MANAGER)).toMatchObject({ close: true, closeNeedsOther: false });
    expect(alertActions(resolved, INSPECTOR)).toMatchObject({ close: true, closeNeedsOther: false });
    expect(alertActions(resolved, STAFF)).toMatchObject({ close: false, closeNeedsOther: false }); // no alert:close
    const mine = alert(1, { status: 'resolved', resolvedBy: '李秀英' });
    expect(alertActions(mine, MANAGER)).toMatchObject({ close: false, closeNeedsOther: true });
    expect(alertActions(alert(1, { status: 'acknowledged' }), MANAGER).close).toBe(false);
    expect(alertActions(alert(1, { status: 'closed', resolvedBy: '张三' }), MANAGER).close).toBe(false);
  });

  it('lets everyone but auditors comment', () => {
    for (const who of [STAFF, MANAGER, INSPECTOR, me({ role: 'admin', can: [] })]) expect(alertActions(alert(1), who).comment).toBe(true);
    expect(alertActions(alert(1), AUDITOR).comment).toBe(false);
  });

  it('shows the staff view to kitchen roles on their own kitchen only', () => {
    expect(showsStaffView(STAFF, 'k1')).toBe(true);
    expect(showsStaffView(MANAGER, 'k1')).toBe(true);
    expect(showsStaffView(STAFF, 'k2')).toBe(false);
    expect(showsStaffView(INSPECTOR, 'k1')).toBe(false);
    expect(showsStaffView(null, 'k1')).toBe(false);
  });
});

describe('the corrective-action form', () => {
  it('builds the request the server expects, trimmed, without fields that do not apply', () => {
    expect(validateResolve(form({ correctiveAction: '  关好柜门 ', quantity: '3 kg', reason: 'x' }))).toEqual({
      ok: true,
      request: { cause: 'door', correctiveAction: '关好柜门', disposition: { kind: 'none' } },
    });
    expect(validateResolve(form({ disposition: 'discarded', quantity: ' 3 kg ' }))).toMatchObject({
      ok: true,
      request: { disposition: { kind: 'discarded', quantity: '3 kg' } },
    });
    expect(validateResolve(form({ disposition: 'kept', reason: '超限时间短' }))).toMatchObject({
      ok: true,
      request: { disposition: { kind: 'kept', reason: '超限时间短' } },
    });
  });

  it('names the first missing field in words', () => {
    expect(validateResolve(form({ cause: '' }))).toEqual({ ok: false, field: 'cause', message: '请选择原因' });
    expect(validateResolve(form({ cause: 'aliens' }))).toMatchObject({ ok: false, field: 'cause' });
    expect(validateResolve(form({ correctiveAction: '   ' }))).toEqual({ ok: false, field: 'correctiveAction', message: '请填写处理措施' });
    expect(validateResolve(form({ disposition: '' }))).toEqual({ ok: false, field: 'disposition', message: '请选择食品处置方式' });
    expect(validateResolve(form({ disposition: 'discarded' }))).toEqual({ ok: false, field: 'quantity', message: '请填写数量' });
    expect(validateResolve(form({ disposition: 'moved', quantity: ' ' }))).toMatchObject({ ok: false, field: 'quantity' });
    expect(validateResolve(form({ disposition: 'kept' }))).toEqual({ ok: false, field: 'reason', message: '请说明继续使用的理由' });
    setLang('en');
    expect(validateResolve(form({ disposition: 'kept' }))).toMatchObject({ message: 'Give the reason the food is kept' });
  });

  it('refuses what is longer than the contract allows', () => {
    expect(validateResolve(form({ correctiveAction: 'x'.repeat(501) }))).toMatchObject({ ok: false, field: 'correctiveAction', message: '内容过长，最多 500 个字' });
    expect(validateResolve(form({ correctiveAction: 'x'.repeat(500) })).ok).toBe(true);
    expect(validateResolve(form({ disposition: 'moved', quantity: 'x'.repeat(41) }))).toMatchObject({ ok: false, field: 'quantity' });
    expect(validateResolve(form({ disposition: 'kept', reason: 'x'.repeat(201) }))).toMatchObject({ ok: false, field: 'reason' });
  });

  it('suggests two or three actions for every cause, and adds them to what is typed', () => {
    for (const c of CAUSES) expect(actionSuggestions(c).length).toBeGreaterThanOrEqual(2);
    expect(actionSuggestions('')).toEqual([]);
    expect(appendSuggestion('', '已关好柜门')).toBe('已关好柜门');
    expect(appendSuggestion('温度回落。', '已关好柜门')).toBe('温度回落；已关好柜门');
    expect(appendSuggestion('已关好柜门', '已关好柜门')).toBe('已关好柜门');
  });
});

describe('labels', () => {
  it('names causes and dispositions in Chinese by default and in English on request', () => {
    expect(CAUSES.map(causeLabel)).toEqual(['门未关好', '除霜', '设备故障', '停电', '探头故障', '装货过多/频繁开门', '其他']);
    expect(DISPOSITIONS.map(dispositionLabel)).toEqual(['继续使用（说明理由）', '转移至其他冷柜', '复热', '废弃', '无食品受影响']);
    setLang('en');
    expect(causeLabel('sensor_fault')).toBe('Sensor fault');
    expect(dispositionLabel('discarded')).toBe('Discarded');
    expect(causeLabel('unknown_cause')).toBe('unknown_cause');
  });

  it('writes the disposition with its quantity or reason', () => {
    expect(dispositionText({ kind: 'discarded', quantity: '3 kg' })).toBe('废弃（3 kg）');
    expect(dispositionText({ kind: 'kept', reason: '时间短' })).toBe('继续使用：时间短');
    expect(dispositionText({ kind: 'none' })).toBe('无食品受影响');
    expect(dispositionText(null)).toBe('');
  });

  it('gives the corrective-action record of resolved and closed alerts only', () => {
    const done = {
      cause: 'door' as const,
      correctiveAction: '关好柜门',
      disposition: { kind: 'discarded' as const, quantity: '2 kg' },
      resolvedBy: '张三',
      closedBy: '王督查',
    };
    expect(correctiveRecord(alert(1, { ...done, status: 'acknowledged' }))).toBeNull();
    expect(correctiveRecord(alert(1, { ...done, status: 'resolved' }))).toEqual({
      cause: '门未关好',
      action: '关好柜门',
      food: '废弃（2 kg）',
      resolvedBy: '张三',
      closedBy: null,
    });
    expect(correctiveRecord(alert(1, { ...done, status: 'closed' }))?.closedBy).toBe('王督查');
    expect(correctiveRecord(alert(1, { status: 'closed' }))).toBeNull(); // closed without a record (older alerts)
  });

  it('describes history entries: the act, who (the rules as 系统), and the detail', () => {
    expect(historyActLabel('raised')).toBe('发出告警');
    expect(historyActLabel('closed')).toBe('核查关闭');
    expect(historyActLabel('weird')).toBe('weird');
    expect(historyActor({ actor: 'system', role: null })).toBe('系统');
    expect(historyActor({ actor: '张三', role: 'kitchen_staff' })).toBe('张三（食堂员工）');
    expect(historyActor({ actor: '张三', role: null })).toBe('张三');
    expect(
      historyDetail({
        act: 'resolved',
        detail: { cause: 'defrost', correctiveAction: '等待除霜结束', disposition: { kind: 'moved', quantity: '5 kg' } },
      }),
    ).toEqual(['原因：除霜', '处理措施：等待除霜结束', '食品处置：转移至其他冷柜（5 kg）']);
    expect(historyDetail({ act: 'closed', detail: { note: '已复核' } })).toEqual(['核查意见：已复核']);
    expect(historyDetail({ act: 'commented', detail: { text: '已通知维修' } })).toEqual(['已通知维修']);
    expect(historyDetail({ act: 'raised', detail: { peak: 9.4 } })).toEqual([]);
    setLang('en');
    expect(historyDetail({ act: 'resolved', detail: { cause: 'door', disposition: { kind: 'kept', reason: 'short' } } })).toEqual([
      'Cause: Door left open',
      'What became of the food: Kept: short',
    ]);
  });
});

describe('a failed action in words', () => {
  const err = (status: number, code: string, message = '') => new ApiRequestError(status, code, message);
  it('says why', () => {
    expect(actionErrorText(err(400, 'invalid_body', 'quantity is required'), 'resolve')).toBe('提交内容有误：quantity is required');
    expect(actionErrorText(err(403, 'forbidden'), 'close')).toContain('处理人不能核查');
    expect(actionErrorText(err(403, 'forbidden'), 'ack')).toBe('您没有执行此操作的权限');
    expect(actionErrorText(err(409, 'invalid_transition'), 'close')).toBe('该告警尚未处理完成，不能关闭');
    expect(actionErrorText(err(409, 'invalid_transition'), 'ack')).toBe('告警状态已变化，请查看最新状态');
    expect(actionErrorText(err(503, 'unavailable'), 'ack')).toBe('服务器暂时无法处理，请稍后再试');
    expect(actionErrorText(new TypeError('Failed to fetch'), 'comment')).toBe('无法连接服务器，请检查网络后重试');
  });
});
