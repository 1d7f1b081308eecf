// #/admin/sites: every site with its registry facts (site number, licence and its state, risk
// grade, jurisdictions), a new site, and a site's facts and jurisdictions edited in a dialog.
import type { Kitchen } from '../../../../contracts/api.ts';
import type { Jurisdiction } from '../../../../contracts/auth.ts';
import type { KitchenRegistry } from '../../../../contracts/registry.ts';
import { adminApi } from '../../admin-api.ts';
import { adminErrorText } from '../../admin-errors.ts';
import { licenceState, siteTypeKey } from '../../admin-sites.ts';
import { adminTable, code, row, toneChip, type Tone } from '../../components/admin/admin-table.ts';
import { openSiteCreate, openSiteEdit } from '../../components/admin/site-forms.ts';
import { h } from '../../dom.ts';
import { t } from '../../i18n.ts';
import { kitchenHref } from '../../route.ts';
import { mapLimit, sectionHead, type AdminContext } from './shared.ts';

/** Registry requests in flight at once: a district of many sites must not flood the server. */
const REGISTRY_CONCURRENCY = 4;

const COLUMNS = ['id', 'name', 'type', 'district', 'siteNumber', 'licence', 'grade', 'jurisdictions'] as const;

type RegistryCell = KitchenRegistry | Error | undefined;

const LICENCE_TONES = { ok: 'ok', soon: 'warning', lapsed: 'alarm', missing: 'unknown' } as const satisfies Record<string, Tone>;

/** [FS-REG-LICENCE] The licence's expiry with its state in an icon and words. */
function licenceCell(r: KitchenRegistry): HTMLElement {
  const { state, daysLeft } = licenceState(r);
  const label =
    state === 'soon' && daysLeft !== null ? t('admin.licence.soonDays', { n: daysLeft }) : t(`admin.licence.${state}`);
  const icon = state === 'soon' ? 'reminder' : state === 'missing' ? 'unknown' : LICENCE_TONES[state];
  return h(
    'span',
    { class: 'licence-cell', 'data-licence': state },
    r.licenceExpiresOn ? h('span', { class: 'licence-date' }, r.licenceExpiresOn) : null,
    toneChip(LICENCE_TONES[state], label, icon),
  );
}

function registryCells(reg: RegistryCell): HTMLTableCellElement[] {
  if (reg === undefined) return [h('td', { class: 'muted', colspan: 4 }, t('admin.loading'))];
  if (reg instanceof Error) return [h('td', { class: 'form-error', colspan: 4 }, reg.message)];
  return [
    h('td', { class: 'nowrap' }, reg.siteNumber ?? h('span', { class: 'muted' }, '—')),
    h('td', null, licenceCell(reg)),
    h('td', { class: 'nowrap' }, reg.riskGrade ? h('span', { class: 'grade', 'data-grade': reg.riskGrade }, reg.riskGrade) : h('span', { class: 'muted' }, t('admin.sites.gradeNone'))),
    h('td', null, reg.jurisdictions.length ? reg.jurisdictions.map((j) => j.name).join(t('admin.listSep')) : h('span', { class: 'muted' }, t('admin.sites.noJurisdiction'))),
  ];
}

export function mountSites(root: HTMLElement, ctx: AdminContext): void {
  let kitchens: Kitchen[] = [];
  let jurisdictions: Jurisdiction[] = [];
  const registries = new Map<string, RegistryCell>();
  const count = h('span', { class: 'count-pill' });
  const tableBox = h('div', { class: 'admin-panel-body' }, h('p', { class: 'placeholder' }, t('admin.loading')));
  const newButton = h('button', { type: 'button', class: 'btn btn-big btn-primary admin-new-site', disabled: true }, t('admin.sites.new'));
  root.replaceChildren(
    h('section', { class: 'panel admin-panel', 'aria-labelledby': 'admin-sites-title' }, sectionHead('admin-sites-title', t('admin.sites.title'), count, newButton), tableBox),
  );

  const edit = async (k: Kitchen): Promise<void> => {
    const reg = registries.get(k.id);
    const registry = reg && !(reg instanceof Error) ? reg : await adminApi.registry(k.id, ctx.signal).catch(() => null);
    if (registry) openSiteEdit({ registry, jurisdictions, onSaved: () => void load() });
  };

  const render = (): void => {
    count.textContent = String(kitchens.length);
    const rows = kitchens.map((k) =>
      row(
        { 'data-kitchen-id': k.id },
        code(k.id),
        h('a', { href: kitchenHref(k.id), class: 'admin-link' }, k.name),
        siteTypeKey(k.siteType) ? t(siteTypeKey(k.siteType)!) : k.siteType,
        k.district || h('span', { class: 'muted' }, '—'),
        ...registryCells(registries.get(k.id)),
        h('td', { class: 'admin-row-actions' }, h('button', { type: 'button', class: 'btn admin-edit', onclick: () => void edit(k) }, t('admin.edit'))),
      ),
    );
    const headers = COLUMNS.map((c) => t(`admin.sites.col.${c}`));
    tableBox.replaceChildren(adminTable('sites-table', t('admin.sites.title'), [...headers, ''], rows, t('admin.sites.empty')));
  };

  /** Registries arrive one by one: the table is built at most once a frame. */
  let frame = 0;
  const scheduleRender = (): void => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      if (!ctx.signal.aborted) render();
    });
  };

  async function load(): Promise<void> {
    try {
      [kitchens, jurisdictions] = await Promise.all([adminApi.kitchens(ctx.signal), adminApi.jurisdictions(ctx.signal)]);
    } catch (err) {
      if (!ctx.signal.aborted) tableBox.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, adminErrorText(err)));
      return;
    }
    kitchens.sort((a, b) => a.id.localeCompare(b.id));
    newButton.disabled = false;
    render();
    await mapLimit(kitchens, REGISTRY_CONCURRENCY, async (k) => {
      const reg = await adminApi.registry(k.id, ctx.signal).catch((err: unknown) => new Error(adminErrorText(err)));
      if (ctx.signal.aborted) return;
      registries.set(k.id, reg);
      scheduleRender();
    });
  }

  newButton.addEventListener('click', () => openSiteCreate({ jurisdictions, onCreated: () => void load() }));
  void load();
}
