// [FS-CAL-DUE] Recording a unit's calibration (by a metrology service, with its certificate
// number) or a field check against a reference thermometer on site. The server works out the
// deviation and the next due date; the form only asks what was measured.
import type { UnitCalibration } from '../../../contracts/registry.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { registryApi } from '../registry-api.ts';
import { readCalibration } from '../registry-view.ts';
import { field, openFormDialog, select } from './form-dialog.ts';

export function openCalibrationForm(kitchenId: string, unit: UnitCalibration, today: string, done: () => void): HTMLDialogElement {
  const date = h('input', { type: 'date', name: 'date', value: today, max: today, required: true });
  const kind = select('kind', [['field_check', t('reg.cal.kind.field_check')], ['calibration', t('reg.cal.kind.calibration')]], 'field_check');
  const temp = (name: string) => h('input', { type: 'text', inputmode: 'decimal', name, autocomplete: 'off', placeholder: '4.0' });
  const referenceC = temp('referenceC');
  const readingC = temp('readingC');
  const certificate = h('input', { type: 'text', name: 'certificate', maxlength: 60, autocomplete: 'off' });
  const certField = field(t('reg.cal.certificate'), certificate);
  // A certificate number belongs to a calibration by a metrology service, not a field check.
  const syncKind = (): void => {
    certField.hidden = kind.value !== 'calibration';
  };
  kind.addEventListener('change', syncKind);
  syncKind();
  return openFormDialog({
    title: t('reg.cal.formTitle', { unit: unit.name }),
    cls: 'calibration-form',
    fields: [
      h('div', { class: 'form-row' }, field(t('reg.cal.kind'), kind), field(t('reg.cal.date'), date)),
      h('div', { class: 'form-row' }, field(t('reg.cal.reference'), referenceC), field(t('reg.cal.reading'), readingC)),
      certField,
    ],
    read: () =>
      readCalibration({
        date: date.value,
        kind: kind.value,
        referenceC: referenceC.value,
        readingC: readingC.value,
        certificate: kind.value === 'calibration' ? certificate.value : '',
      }),
    send: (req, signal) => registryApi.recordCalibration(kitchenId, unit.deviceId, req, signal),
    done,
  });
}
