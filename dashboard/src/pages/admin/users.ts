// #/admin/users: every account (username, name, role, what it sees, enabled or not) with a new
// user, an edit of role and scope, a new password, and disabling or enabling (asked first:
// disabling ends the user's sessions); beside it the jurisdiction tree and "add jurisdiction".
import type { Kitchen } from '../../../../contracts/api.ts';
import type { Jurisdiction, UserDto } from '../../../../contracts/auth.ts';
import { adminApi } from '../../admin-api.ts';
import { adminErrorText } from '../../admin-errors.ts';
import { jurisdictionNames } from '../../admin-jurisdictions.ts';
import { scopeKind, sortUsers } from '../../admin-users.ts';
import { roleName } from '../../auth.ts';
import { confirmDialog, noticeDialog } from '../../components/admin/admin-dialog.ts';
import { adminTable, code, row, toneChip } from '../../components/admin/admin-table.ts';
import { openJurisdictionCreate, renderJurisdictionTree } from '../../components/admin/jurisdiction-panel.ts';
import { openPasswordReset, openUserCreate, openUserEdit, type UserFormData } from '../../components/admin/user-forms.ts';
import { h } from '../../dom.ts';
import { t } from '../../i18n.ts';
import { sectionHead, type AdminContext } from './shared.ts';

const COLUMNS = ['username', 'displayName', 'role', 'scope', 'state'] as const;

function scopeText(u: UserDto, data: UserFormData): string {
  switch (scopeKind(u.role)) {
    case 'kitchen': {
      const k = data.kitchens.find((x) => x.id === u.kitchenId);
      if (k) return k.name;
      return u.kitchenId ? t('admin.users.noSuchKitchen', { id: u.kitchenId }) : '—';
    }
    case 'jurisdictions':
      return jurisdictionNames(u.jurisdictions, data.jurisdictions).join(t('admin.listSep')) || '—';
    default:
      return t('admin.users.scopeAllShort');
  }
}

export function mountUsers(root: HTMLElement, ctx: AdminContext): void {
  const data: { kitchens: Kitchen[]; jurisdictions: Jurisdiction[]; users: UserDto[] } = { kitchens: [], jurisdictions: [], users: [] };
  const count = h('span', { class: 'count-pill' });
  const usersBox = h('div', { class: 'admin-panel-body' }, h('p', { class: 'placeholder' }, t('admin.loading')));
  const treeBox = h('div', { class: 'admin-panel-body' });
  const newUser = h('button', { type: 'button', class: 'btn btn-big btn-primary admin-new-user', disabled: true }, t('admin.users.new'));
  const newJur = h('button', { type: 'button', class: 'btn btn-big admin-new-jurisdiction', disabled: true }, t('admin.jur.new'));
  root.replaceChildren(
    h(
      'div',
      { class: 'admin-users-layout' },
      h('section', { class: 'panel admin-panel', 'aria-labelledby': 'admin-users-title' }, sectionHead('admin-users-title', t('admin.users.title'), count, newUser), usersBox),
      h('section', { class: 'panel admin-panel admin-jurisdictions', 'aria-labelledby': 'admin-jur-title' }, sectionHead('admin-jur-title', t('admin.jur.title'), null, newJur), treeBox),
    ),
  );

  const setDisabled = async (u: UserDto, disabled: boolean): Promise<void> => {
    const yes = await confirmDialog({
      title: t(disabled ? 'admin.users.disableTitle' : 'admin.users.enableTitle', { name: u.username }),
      message: t(disabled ? 'admin.users.disableWarning' : 'admin.users.enableNote', { name: u.displayName }),
      confirmLabel: t(disabled ? 'admin.users.disable' : 'admin.users.enable'),
      danger: disabled,
    });
    if (!yes) return;
    try {
      await adminApi.updateUser(u.username, { disabled });
      void load();
    } catch (err) {
      noticeDialog(t('admin.failed'), adminErrorText(err));
    }
  };

  const userRow = (u: UserDto): HTMLTableRowElement => {
    const self = u.username === ctx.me.username; // an admin does not lock themselves out from here
    return row(
      { 'data-username': u.username, class: u.disabled ? 'is-disabled' : '' },
      code(u.username),
      u.displayName,
      h('span', { class: 'admin-role', 'data-role': u.role }, roleName(u.role)),
      scopeText(u, data),
      u.disabled ? toneChip('offline', t('admin.users.disabled'), 'offline') : toneChip('ok', t('admin.users.enabled'), 'ok'),
      h(
        'td',
        { class: 'admin-row-actions' },
        h('button', { type: 'button', class: 'btn admin-edit', onclick: () => openUserEdit(data, u, () => void load()) }, t('admin.edit')),
        h('button', { type: 'button', class: 'btn admin-password-reset', onclick: () => openPasswordReset(u, () => void load()) }, t('admin.users.resetPassword')),
        self
          ? null
          : h('button', { type: 'button', class: `btn ${u.disabled ? 'admin-enable' : 'admin-disable'}`, onclick: () => void setDisabled(u, !u.disabled) },
            t(u.disabled ? 'admin.users.enable' : 'admin.users.disable')),
      ),
    );
  };

  const render = (): void => {
    count.textContent = String(data.users.length);
    usersBox.replaceChildren(
      adminTable('users-table', t('admin.users.title'), [...COLUMNS.map((c) => t(`admin.users.col.${c}`)), ''], sortUsers(data.users).map(userRow), t('admin.users.empty')),
    );
    treeBox.replaceChildren(renderJurisdictionTree(data.jurisdictions));
  };

  async function load(): Promise<void> {
    try {
      [data.users, data.kitchens, data.jurisdictions] = await Promise.all([
        adminApi.users(ctx.signal), adminApi.kitchens(ctx.signal), adminApi.jurisdictions(ctx.signal),
      ]);
    } catch (err) {
      if (!ctx.signal.aborted) usersBox.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, adminErrorText(err)));
      return;
    }
    if (ctx.signal.aborted) return;
    data.kitchens.sort((a, b) => a.id.localeCompare(b.id));
    newUser.disabled = newJur.disabled = false;
    render();
  }

  newUser.addEventListener('click', () => openUserCreate(data, () => void load()));
  newJur.addEventListener('click', () => openJurisdictionCreate(data.jurisdictions, () => void load()));
  void load();
}
