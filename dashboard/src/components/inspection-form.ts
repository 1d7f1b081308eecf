// 记录检查结果: an inspector records the result of an inspection; the server posts it as the
// site's last inspection until the next one (rule book section 8, SAMR Order 49).
import { INSPECTION_RESULTS } from '../../../contracts/registry.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { registryApi } from '../registry-api.ts';
import { RESULT_LABEL, readInspection } from '../registry-view.ts';
import { field, openFormDialog, select } from './form-dialog.ts';

export function openInspectionForm(kitchenId: string, kitchenName: string, today: string, done: () => void): HTMLDialogElement {
  const date = h('input', { type: 'date', name: 'date', value: today, max: today, required: true });
  const result = select('result', INSPECTION_RESULTS.map((r) => [r, t(RESULT_LABEL[r])]), '');
  const note = h('textarea', { name: 'note', rows: 3, maxlength: 1000 });
  return openFormDialog({
    title: `${t('reg.insp.title')} · ${kitchenName}`,
    cls: 'inspection-form',
    fields: [field(t('reg.insp.date'), date), field(t('reg.insp.result'), result), field(t('reg.insp.note'), note)],
    submitLabel: t('reg.insp.submit'),
    read: () => readInspection({ date: date.value, result: result.value, note: note.value }, today),
    send: (req, signal) => registryApi.recordInspection(kitchenId, req, signal),
    done,
  });
}
