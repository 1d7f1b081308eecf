// Picks several jurisdictions: one checkbox each, in tree order and indented by depth, so a
// street is seen under its district. Large rows for a finger on a tablet.
import type { Jurisdiction } from '../../../../contracts/auth.ts';
import { jurisdictionTree } from '../../admin-jurisdictions.ts';
import { h } from '../../dom.ts';
import { t } from '../../i18n.ts';

export interface JurisdictionPicker {
  el: HTMLFieldSetElement;
  value(): string[];
}

export function jurisdictionPicker(name: string, legend: string, all: readonly Jurisdiction[], picked: readonly string[]): JurisdictionPicker {
  const boxes: HTMLInputElement[] = [];
  const rows = jurisdictionTree(all).map(({ jurisdiction: j, depth }) => {
    const box = h('input', { type: 'checkbox', value: j.id, checked: picked.includes(j.id) });
    boxes.push(box);
    return h(
      'label',
      { class: 'jur-pick', style: `--depth:${depth}` },
      box,
      h('span', { class: 'jur-pick-name' }, j.name),
      h('span', { class: 'jur-level' }, t(`admin.level.${j.level}`)),
    );
  });
  const el = h(
    'fieldset',
    { class: 'admin-field admin-field-wide jur-picker', 'data-name': name, tabindex: '-1' },
    h('legend', { class: 'admin-label' }, legend),
    rows.length ? h('div', { class: 'jur-pick-list' }, rows) : h('p', { class: 'muted' }, t('admin.jur.none')),
  );
  return { el, value: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}
