// [FS-CAL-DUE] Each unit's calibration: when it was last calibrated, when the next is due (its
// state as an icon and a word, and the days left), and its newest record of either kind with the
// deviation found — flagged when a field check is off the reference by more than the tolerance.
// Where the user may (calibration:record), a button opens the short form.
import type { UnitCalibration } from '../../../contracts/registry.ts';
import { DEVICE_KINDS, type DeviceKind } from '../../../contracts/payloads.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import { h } from '../dom.ts';
import { formatTemp } from '../format.ts';
import { t } from '../i18n.ts';
import { calibrationExpiry, daysLeftText } from '../registry-view.ts';
import { openCalibrationForm } from './calibration-form.ts';
import { expiryChip } from './reminders.ts';

export interface CalibrationTableOptions {
  kitchenId: string;
  today: string;
  params: Profile['registry'];
  canRecord: boolean;
  changed(): void;
}

const KINDS: ReadonlySet<string> = new Set<string>(DEVICE_KINDS);

/** "+0.4 °C": the sign says which way the probe is off. */
const signed = (v: number): string => (v > 0 ? `+${formatTemp(v)}` : formatTemp(v));

export function renderCalibrationTable(units: readonly UnitCalibration[], opts: CalibrationTableOptions): HTMLElement {
  const body = units.length
    ? h(
        'table',
        { class: 'reg-table cal-table' },
        h(
          'thead',
          null,
          h('tr', null, h('th', null, t('reg.cal.unit')), h('th', null, t('reg.cal.last')), h('th', null, t('reg.cal.due')), h('th', { class: 'col-wide' }, t('reg.cal.check')), opts.canRecord ? h('th', null, '') : null),
        ),
        h('tbody', null, units.map((u) => row(u, opts))),
      )
    : h('p', { class: 'placeholder' }, t('reg.cal.empty'));
  return h(
    'section',
    { class: 'panel reg-calibration', 'aria-labelledby': 'reg-cal-title' },
    h('div', { class: 'section-head' }, h('h2', { id: 'reg-cal-title' }, t('reg.cal.title'))),
    h('div', { class: 'table-wrap' }, body),
  );
}

function row(u: UnitCalibration, opts: CalibrationTableOptions): HTMLElement {
  const exp = calibrationExpiry(u, opts.today, opts.params);
  const check = u.lastCheck;
  return h(
    'tr',
    { class: `cal-row exp-row-${exp.state}`, 'data-device-id': u.deviceId },
    h('td', null, h('strong', null, u.name), KINDS.has(u.kind) ? h('span', { class: 'muted' }, ` · ${t(`kind.${u.kind as DeviceKind}`)}`) : null),
    h('td', { class: 'nowrap' }, u.lastCalibratedOn ?? t('reg.cal.never')),
    h(
      'td',
      null,
      h('span', { class: 'exp-cell' }, expiryChip(exp.state), h('span', { class: `exp-days days-${exp.state}` }, u.dueOn ? `${u.dueOn} · ${daysLeftText(exp.daysLeft)}` : t('reg.cal.never'))),
    ),
    h(
      'td',
      { class: 'col-wide' },
      check
        ? [
            h('span', null, t('reg.cal.checkBy', { kind: t(`reg.cal.kind.${check.kind}`), date: check.date, who: check.by })),
            h(
              'span',
              { class: exp.off ? 'cal-dev is-off' : 'cal-dev' },
              exp.off
                ? t('reg.cal.off', { v: signed(check.deviationC), tol: formatTemp(opts.params.calibrationToleranceC) })
                : t('reg.cal.dev', { v: signed(check.deviationC) }),
            ),
          ]
        : '—',
    ),
    opts.canRecord
      ? h('td', { class: 'row-actions' }, h('button', { type: 'button', class: 'btn btn-small cal-record', onclick: () => openCalibrationForm(opts.kitchenId, u, opts.today, opts.changed) }, t('reg.cal.record')))
      : null,
  );
}
