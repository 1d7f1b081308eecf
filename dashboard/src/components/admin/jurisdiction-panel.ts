// The jurisdictions panel of the users page: the tree (city → district → street) as an indented
// list, and "add jurisdiction" with its parent chosen among the levels above it.
import { JURISDICTION_LEVELS, type Jurisdiction, type JurisdictionLevel } from '../../../../contracts/auth.ts';
import { adminApi } from '../../admin-api.ts';
import { checkJurisdiction, jurisdictionTree, parentChoices } from '../../admin-jurisdictions.ts';
import { h } from '../../dom.ts';
import { t } from '../../i18n.ts';
import { code } from './admin-table.ts';
import { openAdminDialog } from './admin-dialog.ts';
import { clearErrors, errorLine, field, formActions, input, select, showCheck, submitting } from './fields.ts';

export function renderJurisdictionTree(list: readonly Jurisdiction[]): HTMLElement {
  const rows = jurisdictionTree(list);
  if (!rows.length) return h('p', { class: 'placeholder' }, t('admin.jur.none'));
  return h(
    'ul',
    { class: 'jur-tree', role: 'tree', 'aria-label': t('admin.jur.title') },
    rows.map(({ jurisdiction: j, depth }) =>
      h(
        'li',
        { class: 'jur-node', role: 'treeitem', 'aria-level': depth + 1, style: `--depth:${depth}`, 'data-jurisdiction-id': j.id },
        h('span', { class: 'jur-level', 'data-level': j.level }, t(`admin.level.${j.level}`)),
        h('span', { class: 'jur-name' }, j.name),
        code(j.id),
        j.videoRetentionDays === null ? null : h('span', { class: 'muted jur-retention' }, t('admin.jur.retention', { n: j.videoRetentionDays })),
      ),
    ),
  );
}

const parentOptions = (list: readonly Jurisdiction[], level: string): [string, string][] => [
  ['', t('admin.jur.noParent')],
  ...parentChoices(list, (JURISDICTION_LEVELS as readonly string[]).includes(level) ? (level as JurisdictionLevel) : 'city').map(
    (j) => [j.id, `${j.name} · ${t(`admin.level.${j.level}`)}`] as [string, string],
  ),
];

export function openJurisdictionCreate(list: readonly Jurisdiction[], onAdded: (j: Jurisdiction) => void): void {
  const d = openAdminDialog('jurisdiction-dialog', t('admin.jur.new'));
  const id = input('id', { maxlength: 64, required: true, autocapitalize: 'none' });
  const name = input('name', { maxlength: 80, required: true });
  const level = select('level', JURISDICTION_LEVELS.map((l) => [l, t(`admin.level.${l}`)] as [string, string]), 'street');
  let parent = select('parentId', parentOptions(list, level.value));
  const parentField = field(t('admin.jur.parent'), parent, { hint: t('admin.hint.parent') });
  level.addEventListener('change', () => {
    const next = select('parentId', parentOptions(list, level.value), parent.value);
    if (!parentChoices(list, level.value as JurisdictionLevel).some((j) => j.id === parent.value)) next.value = '';
    parent.replaceWith(next);
    parent = next;
  });
  const retention = input('videoRetentionDays', { type: 'number', min: 1, step: 1, inputmode: 'numeric' });
  const error = errorLine();
  const actions = formActions(t('admin.jur.create'), d.close, error);
  const form = h(
    'form',
    { class: 'admin-form jurisdiction-form', novalidate: true },
    h(
      'div',
      { class: 'admin-grid' },
      field(t('admin.jur.id'), id, { required: true, hint: t('admin.hint.id') }),
      field(t('admin.jur.name'), name, { required: true }),
      field(t('admin.jur.level'), level, { required: true }),
      parentField,
      field(t('admin.jur.retentionLabel'), retention, { hint: t('admin.hint.retention'), wide: true }),
    ),
    actions.el,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form, error);
    const checked = checkJurisdiction(
      { id: id.value, name: name.value, level: level.value, parentId: parent.value, videoRetentionDays: retention.value },
      list,
    );
    if (!checked.ok) return showCheck(form, error, checked);
    void submitting(actions.submit, error, () => adminApi.createJurisdiction(checked.value)).then((j) => {
      if (!j) return;
      d.close();
      onAdded(j);
    });
  });
  d.body.append(form);
  id.focus();
}
