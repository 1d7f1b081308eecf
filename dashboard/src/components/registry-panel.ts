// A kitchen's registry on its page (rule book section 8): the facts an inspector checks — site
// number, licence and its expiry, risk grade, the last inspection (posted until the next),
// the authorities — and its reminders; then the staff's health certificates and each unit's
// calibration, with the forms the user may use (inspection:record, staff:write,
// calibration:record). Fetched once, and again after every change made here.
import type { Kitchen } from '../../../contracts/api.ts';
import type { Me } from '../../../contracts/auth.ts';
import type { Inspection, KitchenRegistry } from '../../../contracts/registry.ts';
import { ApiRequestError } from '../api.ts';
import { can } from '../auth.ts';
import { h, icon } from '../dom.ts';
import { DEFAULT_TIME_ZONE } from '../format.ts';
import { getLang, t } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import { registryApi } from '../registry-api.ts';
import { RESULT_LABEL, daysLeftText, expiryOf, registryParams, siteToday } from '../registry-view.ts';
import { renderCalibrationTable } from './calibration-table.ts';
import { openInspectionForm } from './inspection-form.ts';
import { expiryChip, renderReminders } from './reminders.ts';
import { renderStaffTable } from './staff-table.ts';

export interface RegistrySection {
  /** The facts, under the kitchen's head. */
  summary: HTMLElement;
  /** Staff certificates and calibrations, further down the page. */
  details: HTMLElement;
  update(kitchen: Kitchen, now: number): void;
  destroy(): void;
}

const RESULT_ICON = { pass: ICONS.ok, pass_with_remarks: ICONS.warning, fail: ICONS.alarm } as const;
const RESULT_TONE = { pass: 'ok', pass_with_remarks: 'warning', fail: 'alarm' } as const;

export function createRegistrySection(kitchenId: string, me: Me): RegistrySection {
  const abort = new AbortController();
  const summary = h('section', { class: 'panel registry', 'aria-labelledby': 'registry-title', id: 'registry' }, h('p', { class: 'placeholder' }, t('reg.loading')));
  const details = h('div', { class: 'registry-details', hidden: true });
  let registry: KitchenRegistry | null = null;
  let failure: string | null = null;
  let sig = '';
  let last: { kitchen: Kitchen; now: number } | null = null;

  const load = (): void => {
    registryApi.registry(kitchenId, abort.signal).then(
      (r) => {
        registry = r;
        failure = null;
        redraw();
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        if (!registry) failure = err instanceof ApiRequestError ? (err.status === 404 ? t('reg.notYet') : err.message || err.code) : t('reg.err.network');
        redraw();
      },
    );
  };
  const redraw = (): void => {
    if (last) section.update(last.kitchen, last.now);
  };
  load();

  const section: RegistrySection = {
    summary,
    details,
    update(kitchen, now) {
      last = { kitchen, now };
      const zone = kitchen.timezone || DEFAULT_TIME_ZONE;
      const today = siteToday(now, zone);
      const next = JSON.stringify([getLang(), today, registry, failure, kitchen.profile]);
      if (next === sig) return;
      sig = next;
      if (!registry) {
        summary.replaceChildren(h('p', { class: failure ? 'placeholder error' : 'placeholder' }, failure ? t('reg.error', { msg: failure }) : t('reg.loading')));
        details.hidden = true;
        return;
      }
      const params = registryParams(kitchen.profile);
      summary.replaceChildren(...renderSummary(registry, kitchen, today, me, load));
      details.hidden = false;
      details.replaceChildren(
        renderStaffTable(registry.staff, { kitchenId, today, leadDays: params.healthCertLeadDays, canWrite: can(me, 'staff:write'), changed: load }),
        // A site with no units yet has nothing to calibrate: no empty box for it.
        registry.units.length ? renderCalibrationTable(registry.units, { kitchenId, today, params, canRecord: can(me, 'calibration:record'), changed: load }) : '',
      );
    },
    destroy() {
      abort.abort();
    },
  };
  return section;
}

function renderSummary(r: KitchenRegistry, kitchen: Kitchen, today: string, me: Me, reload: () => void): HTMLElement[] {
  const licence = expiryOf(r.licenceExpiresOn, today, registryParams(kitchen.profile).licenceLeadDays);
  const record = can(me, 'inspection:record')
    ? h('button', { type: 'button', class: 'btn inspection-record', onclick: () => openInspectionForm(r.kitchenId, r.name, today, reload) }, t('reg.insp.record'))
    : null;
  const fact = (label: string, cls: string, ...value: (HTMLElement | string | null)[]): HTMLElement =>
    h('div', { class: `reg-fact ${cls}` }, h('dt', null, label), h('dd', null, value));
  const out: (HTMLElement | null)[] = [
    h('div', { class: 'section-head' }, h('h2', { id: 'registry-title' }, t('reg.title')), record),
    h(
      'dl',
      { class: 'reg-facts' },
      fact(t('reg.siteNumber'), 'reg-site-number', r.siteNumber ?? none()),
      fact(
        t('reg.licence'),
        'reg-licence',
        h('span', { class: 'mono' }, r.licenceNumber ?? t('reg.none')),
        h('span', { class: 'exp-cell' }, expiryChip(licence.state), r.licenceExpiresOn ? `${t('reg.licenceUntil', { d: r.licenceExpiresOn })} · ${daysLeftText(licence.daysLeft)}` : null),
      ),
      fact(t('reg.risk'), 'reg-risk', r.riskGrade ? h('strong', { class: `risk risk-${r.riskGrade}` }, t('reg.riskGrade', { g: r.riskGrade })) : none()),
      fact(t('reg.lastInspection'), 'reg-inspection', ...inspection(r.lastInspection)),
      fact(t('reg.jurisdictions'), 'reg-jurisdictions', r.jurisdictions.length ? r.jurisdictions.map((j) => j.name).join('、') : none()),
    ),
    r.reminders.length
      ? h('div', { class: 'reg-reminders' }, h('h3', null, icon(ICONS.reminder), t('reg.reminders')), renderReminders(r.reminders, { withKitchen: false }))
      : null,
  ];
  return out.filter((x): x is HTMLElement => x !== null);
}

const none = (): HTMLElement => h('span', { class: 'muted' }, t('reg.none'));

function inspection(i: Inspection | null): HTMLElement[] {
  if (!i) return [h('span', { class: 'muted' }, t('reg.noInspection'))];
  const out: (HTMLElement | null)[] = [
    h('span', { class: 'exp-cell' }, h('span', { class: `chip state-${RESULT_TONE[i.result]}` }, icon(RESULT_ICON[i.result]), t(RESULT_LABEL[i.result])), t('reg.inspectionBy', { date: i.date, who: i.inspector })),
    i.note ? h('span', { class: 'reg-note' }, i.note) : null,
    h('span', { class: 'muted reg-posted' }, t('reg.inspectionPosted')),
  ];
  return out.filter((x): x is HTMLElement => x !== null);
}
