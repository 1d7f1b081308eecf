// [FS-REG-HEALTH-CERT] The kitchen's staff and their health certificates (yearly: 食品安全法
// 第45条), each certificate's state as an icon and a word (lapsed, due soon, missing, valid) and
// the days left; those who left are listed last, greyed. Managers and admins (staff:write) add
// and edit people here.
import type { StaffMember } from '../../../contracts/registry.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { registryApi } from '../registry-api.ts';
import { daysLeftText, expiryOf, readStaff } from '../registry-view.ts';
import { field, openFormDialog } from './form-dialog.ts';
import { expiryChip } from './reminders.ts';

export interface StaffTableOptions {
  kitchenId: string;
  today: string;
  leadDays: number;
  canWrite: boolean;
  /** Something changed: fetch the registry again. */
  changed(): void;
}

export function renderStaffTable(staff: readonly StaffMember[], opts: StaffTableOptions): HTMLElement {
  const add = opts.canWrite
    ? h('button', { type: 'button', class: 'btn staff-add', onclick: () => openStaffForm(null, opts) }, t('reg.staff.add'))
    : null;
  const people = [...staff].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh-CN'));
  const body = people.length
    ? h(
        'table',
        { class: 'reg-table staff-table' },
        h(
          'thead',
          null,
          h('tr', null, h('th', null, t('reg.staff.name')), h('th', null, t('reg.staff.position')), h('th', { class: 'col-wide' }, t('reg.staff.cert')), h('th', null, t('reg.staff.expires')), h('th', null, t('reg.staff.state')), opts.canWrite ? h('th', null, '') : null),
        ),
        h('tbody', null, people.map((p) => row(p, opts))),
      )
    : h('p', { class: 'placeholder' }, t('reg.staff.empty'));
  return h(
    'section',
    { class: 'panel reg-staff', 'aria-labelledby': 'reg-staff-title' },
    h('div', { class: 'section-head' }, h('h2', { id: 'reg-staff-title' }, t('reg.staff.title')), add),
    h('div', { class: 'table-wrap' }, body),
  );
}

function row(p: StaffMember, opts: StaffTableOptions): HTMLElement {
  const exp = expiryOf(p.healthCertExpiresOn, opts.today, opts.leadDays);
  return h(
    'tr',
    { class: `staff-row exp-row-${p.active ? exp.state : 'inactive'}`, 'data-staff-id': String(p.id) },
    h('td', { class: 'staff-name' }, p.name, p.active ? null : h('span', { class: 'muted' }, ` · ${t('reg.staff.inactive')}`)),
    h('td', null, p.position),
    h('td', { class: 'mono col-wide' }, p.healthCertNumber ?? '—'),
    h('td', { class: 'nowrap' }, p.healthCertExpiresOn ?? '—'),
    h('td', null, p.active ? h('span', { class: 'exp-cell' }, expiryChip(exp.state), exp.state === 'ok' ? null : h('span', { class: `exp-days days-${exp.state}` }, daysLeftText(exp.daysLeft))) : '—'),
    opts.canWrite ? h('td', { class: 'row-actions' }, h('button', { type: 'button', class: 'btn btn-small', onclick: () => openStaffForm(p, opts) }, t('reg.staff.edit'))) : null,
  );
}

function openStaffForm(p: StaffMember | null, opts: StaffTableOptions): void {
  const name = h('input', { type: 'text', name: 'name', value: p?.name ?? '', maxlength: 40, autocomplete: 'off' });
  const position = h('input', { type: 'text', name: 'position', value: p?.position ?? '', maxlength: 40, placeholder: t('reg.staff.positionHint') });
  const certNumber = h('input', { type: 'text', name: 'healthCertNumber', value: p?.healthCertNumber ?? '', maxlength: 40, autocomplete: 'off' });
  const certExpiresOn = h('input', { type: 'date', name: 'healthCertExpiresOn', value: p?.healthCertExpiresOn ?? '' });
  const active = h('input', { type: 'checkbox', name: 'active', checked: p ? p.active : true });
  openFormDialog({
    title: t(p ? 'reg.staff.editTitle' : 'reg.staff.addTitle'),
    cls: 'staff-form',
    fields: [
      h('div', { class: 'form-row' }, field(t('reg.staff.name'), name), field(t('reg.staff.position'), position)),
      h('div', { class: 'form-row' }, field(t('reg.staff.cert'), certNumber), field(t('reg.staff.expires'), certExpiresOn)),
      h('label', { class: 'form-check' }, active, t('reg.staff.active')),
    ],
    read: () => readStaff({ name: name.value, position: position.value, certNumber: certNumber.value, certExpiresOn: certExpiresOn.value, active: active.checked }),
    send: (req, signal) => (p ? registryApi.updateStaff(opts.kitchenId, p.id, req, signal) : registryApi.addStaff(opts.kitchenId, req, signal)),
    done: opts.changed,
  });
}
