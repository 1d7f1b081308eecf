// Confirming or rejecting an AI event: an optional note, then POST /api/ai-events/{id}/review.
// Who reviews is the logged-in user (the server records their name), so the form asks for no
// name; it only says who will sign. A review is final: when someone else was first the server
// answers 409 ai_event_reviewed, and the form says so.
import type { AiEventDto } from '../../../contracts/camera-api.ts';
import { api, ApiRequestError } from '../api.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { openModal } from './modal.ts';

export type Decision = 'confirm' | 'reject';

const NOTE_MAX = 200;

export interface ReviewContext {
  /** What the event is, in words: category · camera · time. */
  summary: string;
  /** The logged-in user's display name, shown as the reviewer. */
  reviewer: string;
  /** The server's answer: the reviewed event. */
  onReviewed(event: AiEventDto): void;
  /** Someone else reviewed it first: fetch the feed again. */
  onConflict(): void;
}

export function openReviewDialog(event: AiEventDto, decision: Decision, ctx: ReviewContext): void {
  const note = h('textarea', { name: 'note', maxlength: NOTE_MAX, rows: 3 });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: `btn ${decision === 'confirm' ? 'btn-danger' : 'btn-primary'}` }, t('review.submit'));
  const cancel = h('button', { type: 'button', class: 'btn', onclick: () => dialog.close() }, t('review.cancel'));
  const title = t(decision === 'confirm' ? 'review.titleConfirm' : 'review.titleReject');
  const form = h(
    'form',
    { class: 'review-form', novalidate: true },
    h('h2', null, title),
    h('p', { class: 'muted' }, ctx.summary),
    event.snapshotUrl ? h('img', { class: 'review-snap', src: event.snapshotUrl, alt: '' }) : null,
    h('p', { class: 'review-as' }, h('span', { class: 'muted' }, t('review.who')), h('strong', null, ctx.reviewer)),
    h('label', null, h('span', null, t('review.note')), note),
    error,
    h('div', { class: 'form-actions' }, cancel, submit),
  );
  const dialog = openModal('review-dialog', title, form);
  note.focus();

  const fail = (message: string): void => {
    error.textContent = message;
    error.hidden = false;
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    submit.textContent = t('review.sending');
    error.hidden = true;
    const text = note.value.trim();
    api
      .reviewAiEvent(event.id, { decision, ...(text ? { note: text } : {}) })
      .then((reviewed) => {
        ctx.onReviewed(reviewed);
        dialog.close();
      })
      .catch((err: unknown) => {
        submit.textContent = t('review.submit');
        if (err instanceof ApiRequestError && err.code === 'ai_event_reviewed') {
          fail(t('review.conflict'));
          ctx.onConflict();
          return; // the submit stays off: there is nothing left to decide
        }
        if (err instanceof ApiRequestError && err.status === 403) {
          fail(t('review.forbidden'));
          return; // asking again will not change the answer
        }
        submit.disabled = false;
        fail(t('review.failed', { msg: err instanceof Error ? err.message : String(err) }));
      });
  });
}
