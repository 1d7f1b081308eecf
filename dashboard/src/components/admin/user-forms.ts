// The user dialogs: a new user (POST /api/users), an edit of name, role and scope, and a new
// password (PATCH /api/users/{username}). The scope shown follows the role: a kitchen for
// kitchen roles, jurisdictions for inspectors, nothing for admins and auditors (who see all).
import type { Kitchen } from '../../../../contracts/api.ts';
import { ROLES, type Jurisdiction, type UserDto } from '../../../../contracts/auth.ts';
import { adminApi } from '../../admin-api.ts';
import { checkPassword, checkUserCreate, checkUserUpdate, isRole, PASSWORD_MIN, scopeKind } from '../../admin-users.ts';
import { roleName } from '../../auth.ts';
import { h, icon } from '../../dom.ts';
import { t } from '../../i18n.ts';
import { ICONS } from '../../icons.ts';
import { openAdminDialog } from './admin-dialog.ts';
import { clearErrors, errorLine, field, formActions, input, select, showCheck, submitting } from './fields.ts';
import { jurisdictionPicker, type JurisdictionPicker } from './jurisdiction-picker.ts';

export interface UserFormData {
  kitchens: readonly Kitchen[];
  jurisdictions: readonly Jurisdiction[];
}

interface ScopeFields {
  els: HTMLElement[];
  role: HTMLSelectElement;
  kitchen: HTMLSelectElement;
  picker: JurisdictionPicker;
}

/** Role, then the scope that role takes; the other scope fields hide. */
function scopeFields(data: UserFormData, user: Pick<UserDto, 'role' | 'kitchenId' | 'jurisdictions'> | null): ScopeFields {
  const role = select('role', [['', t('admin.choose')], ...ROLES.map((r) => [r, roleName(r)] as [string, string])], user?.role ?? '');
  const kitchen = select('kitchenId', [['', t('admin.choose')], ...data.kitchens.map((k) => [k.id, `${k.name} (${k.id})`] as [string, string])], user?.kitchenId ?? '');
  const picker = jurisdictionPicker('jurisdictions', t('admin.users.jurisdictions'), data.jurisdictions, user?.jurisdictions ?? []);
  const kitchenField = field(t('admin.users.kitchen'), kitchen, { required: true, wide: true });
  const allNote = h('p', { class: 'muted admin-field-wide admin-scope-all' }, t('admin.users.scopeAll'));
  const follow = (): void => {
    const kind = isRole(role.value) ? scopeKind(role.value) : null;
    kitchenField.hidden = kind !== 'kitchen';
    picker.el.hidden = kind !== 'jurisdictions';
    allNote.hidden = kind !== 'all';
  };
  role.addEventListener('change', follow);
  follow();
  return { els: [field(t('admin.users.role'), role, { required: true }), kitchenField, picker.el, allNote], role, kitchen, picker };
}

function passwordInput(name = 'password'): { input: HTMLInputElement; el: HTMLElement } {
  const pw = input(name, { type: 'password', minlength: PASSWORD_MIN, maxlength: 256, autocomplete: 'new-password', required: true });
  const reveal = h('button', { type: 'button', class: 'btn reveal-pw', 'aria-pressed': 'false', title: t('login.showLabel') }, icon(ICONS.eye), t('login.show'));
  reveal.addEventListener('click', () => {
    const shown = pw.type === 'password';
    pw.type = shown ? 'text' : 'password';
    reveal.setAttribute('aria-pressed', String(shown));
  });
  return { input: pw, el: h('span', { class: 'admin-password' }, pw, reveal) };
}

export function openUserCreate(data: UserFormData, onCreated: (u: UserDto) => void): void {
  const d = openAdminDialog('user-dialog', t('admin.users.new'));
  const username = input('username', { maxlength: 64, required: true, autocapitalize: 'none' });
  const displayName = input('displayName', { maxlength: 40, required: true });
  const password = passwordInput();
  const scope = scopeFields(data, null);
  const error = errorLine();
  const actions = formActions(t('admin.users.create'), d.close, error);
  const form = h(
    'form',
    { class: 'admin-form user-create-form', novalidate: true },
    h(
      'div',
      { class: 'admin-grid' },
      field(t('admin.users.username'), username, { required: true, hint: t('admin.hint.username') }),
      field(t('admin.users.displayName'), displayName, { required: true }),
      field(t('admin.users.password'), password.el, { required: true, hint: t('admin.hint.password', { n: PASSWORD_MIN }) }),
      ...scope.els,
    ),
    actions.el,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form, error);
    const checked = checkUserCreate({
      username: username.value, displayName: displayName.value, password: password.input.value,
      role: scope.role.value, kitchenId: scope.kitchen.value, jurisdictions: scope.picker.value(),
    });
    if (!checked.ok) return showCheck(form, error, checked);
    void submitting(actions.submit, error, () => adminApi.createUser(checked.value)).then((user) => {
      if (!user) return;
      d.close();
      onCreated(user);
    });
  });
  d.body.append(form);
  username.focus();
}

export function openUserEdit(data: UserFormData, user: UserDto, onSaved: (u: UserDto) => void): void {
  const d = openAdminDialog('user-dialog', t('admin.users.editTitle', { name: user.username }));
  const displayName = input('displayName', { maxlength: 40, required: true, value: user.displayName });
  const scope = scopeFields(data, user);
  const error = errorLine();
  const actions = formActions(t('admin.save'), d.close, error);
  const form = h(
    'form',
    { class: 'admin-form user-edit-form', novalidate: true },
    h('div', { class: 'admin-grid' }, field(t('admin.users.displayName'), displayName, { required: true }), ...scope.els),
    actions.el,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form, error);
    const checked = checkUserUpdate(user, {
      displayName: displayName.value, role: scope.role.value, kitchenId: scope.kitchen.value, jurisdictions: scope.picker.value(),
    });
    if (!checked.ok) return showCheck(form, error, checked);
    if (!Object.keys(checked.value).length) return d.close();
    void submitting(actions.submit, error, () => adminApi.updateUser(user.username, checked.value)).then((saved) => {
      if (!saved) return;
      d.close();
      onSaved(saved);
    });
  });
  d.body.append(form);
  displayName.focus();
}

export function openPasswordReset(user: UserDto, onDone: () => void): void {
  const d = openAdminDialog('user-dialog', t('admin.users.passwordTitle', { name: user.username }));
  const password = passwordInput();
  const error = errorLine();
  const actions = formActions(t('admin.users.setPassword'), d.close, error);
  const form = h(
    'form',
    { class: 'admin-form password-form', novalidate: true },
    h('p', { class: 'muted admin-form-note' }, t('admin.users.passwordNote')),
    field(t('admin.users.newPassword'), password.el, { required: true, hint: t('admin.hint.password', { n: PASSWORD_MIN }) }),
    actions.el,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form, error);
    const checked = checkPassword(password.input.value);
    if (!checked.ok) return showCheck(form, error, checked);
    void submitting(actions.submit, error, () => adminApi.updateUser(user.username, { password: checked.value })).then((saved) => {
      if (!saved) return;
      d.close();
      onDone();
    });
  });
  d.body.append(form);
  password.input.focus();
}
