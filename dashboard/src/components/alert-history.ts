// An alert's history in its dialog (GET /api/alerts/{id}/history), oldest first: every act, who
// did it and when; the rules' escalations say to whom. Fetched again whenever the alert changes;
// a failed fetch keeps the last list it had.
import type { AlertHistoryEntry } from '../../../contracts/alert-workflow.ts';
import { api } from '../api.ts';
import { historyActLabel, historyActor, historyDetail } from '../alert-workflow.ts';
import { h } from '../dom.ts';
import { formatDateTime, formatTime } from '../format.ts';
import { t } from '../i18n.ts';

export interface AlertHistoryList {
  readonly el: HTMLElement;
  load(alertId: number): void;
}

/** An escalation says to whom (the rules' own act, with `to` in its detail). */
function actLabel(e: AlertHistoryEntry): string {
  if (e.act !== 'escalated') return historyActLabel(e.act);
  return t(e.detail.to === 'inspector' ? 'esc.inspector' : 'esc.manager');
}

function renderEntry(e: AlertHistoryEntry, timeZone: string, now: number): HTMLElement {
  return h(
    'li',
    { 'data-act': e.act, class: `history-${e.act}` },
    h(
      'div',
      { class: 'history-head' },
      h('strong', { class: 'history-act' }, actLabel(e)),
      h('span', { class: 'history-actor' }, historyActor(e)),
      h('time', { class: 'history-time muted', datetime: e.at, title: formatDateTime(e.at, timeZone) }, formatTime(e.at, { timeZone, now })),
    ),
    ...historyDetail(e).map((line) => h('p', { class: 'history-detail' }, line)),
  );
}

export function createAlertHistory(timeZone: string, signal: AbortSignal): AlertHistoryList {
  const el = h('ol', { class: 'alert-history' });
  let history: AlertHistoryEntry[] | null = null;
  let failed = false;
  let seq = 0;

  function render(): void {
    if (!history) {
      el.replaceChildren(h('li', { class: failed ? 'placeholder error' : 'placeholder' }, t(failed ? 'alert.historyError' : 'alert.historyLoading')));
    } else if (!history.length) {
      el.replaceChildren(h('li', { class: 'placeholder' }, t('alert.historyEmpty')));
    } else {
      const now = Date.now();
      el.replaceChildren(...history.map((e) => renderEntry(e, timeZone, now)));
    }
  }

  render();
  return {
    el,
    load(alertId) {
      const mine = ++seq;
      api.alertHistory(alertId, signal).then(
        (entries) => {
          if (mine !== seq) return;
          history = entries;
          failed = false;
          render();
        },
        () => {
          if (signal.aborted || mine !== seq) return;
          failed = history === null; // keep the last one we had
          render();
        },
      );
    },
  };
}
