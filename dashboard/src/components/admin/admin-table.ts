// Tables of the administration pages: a header row, one row per item, a line when there are
// none, inside a box that scrolls sideways on a narrow screen instead of squeezing the columns.
import { h, icon, type Child } from '../../dom.ts';
import { ICONS } from '../../icons.ts';

export function adminTable(className: string, caption: string, headers: readonly string[], rows: readonly HTMLTableRowElement[], empty: string): HTMLElement {
  const body = rows.length
    ? rows
    : [h('tr', null, h('td', { class: 'placeholder', colspan: headers.length }, empty))];
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: `admin-table ${className}` },
      h('caption', { class: 'admin-sr-only' }, caption),
      h('thead', null, h('tr', null, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', null, body),
    ),
  );
}

export function row(attrs: Record<string, string>, ...cells: Child[]): HTMLTableRowElement {
  return h('tr', attrs, cells.map((c) => (c instanceof HTMLTableCellElement ? c : h('td', null, c))));
}

export type Tone = 'ok' | 'warning' | 'alarm' | 'offline' | 'unknown';

/** A state with an icon and a word, never colour alone (the chip styles of chips.css). */
export function toneChip(tone: Tone, text: string, iconName: keyof typeof ICONS = tone): HTMLElement {
  return h('span', { class: `chip state-${tone}`, 'data-tone': tone }, icon(ICONS[iconName]), text);
}

/** Identifiers (ids, usernames) in a fixed-width face, so 0/O and 1/l are told apart. */
export function code(text: string): HTMLElement {
  return h('code', { class: 'admin-code' }, text);
}
