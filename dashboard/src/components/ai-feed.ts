// AI events (FS-AI-EVENT) of one kitchen or of the district, newest first: the snapshot, what
// was seen, where and when, how often and how sure, and the review. A pending event has
// confirm and reject buttons when the user may review (`ai:review`). Events come from REST on mount (and after a reconnect, for what
// was missed) into the store, then live from ai:event.
import type { AiEventDto } from '../../../contracts/camera-api.ts';
import { api } from '../api.ts';
import { aiCategoryName, areaName, cameraKey, formatConfidence, newestAiFirst } from '../bright-kitchen.ts';
import { h, patchKeyed } from '../dom.ts';
import { DEFAULT_TIME_ZONE, formatTime } from '../format.ts';
import { getLang, t } from '../i18n.ts';
import { kitchenHref } from '../route.ts';
import type { Connection, State, Store } from '../store.ts';
import { openReviewDialog, type Decision } from './ai-review.ts';
import { openSnapshot } from './snapshot-viewer.ts';

export interface AiFeedOptions {
  /** null: every kitchen of the district, each event naming its kitchen. */
  kitchenId: string | null;
  /** How many to fetch and show. */
  limit: number;
  /** 'grid' of cards (kitchen page) or a 'list' (a side column). */
  layout: 'grid' | 'list';
  /** The logged-in user's name when they may review AI events (`ai:review`); null: no buttons. */
  reviewer: string | null;
}

export interface AiFeed {
  readonly el: HTMLElement;
  update(state: State, now: number): void;
  destroy(): void;
}

type Filter = 'all' | 'pending';

interface ItemContext {
  kitchenName: string | null;
  cameraName: string;
  timeZone: string;
  now: number;
}

export function createAiFeed(store: Store, opts: AiFeedOptions): AiFeed {
  const abort = new AbortController();
  const titleId = `ai-title-${opts.kitchenId ?? 'district'}`;
  const list = h('ol', { class: `ai-list ai-layout-${opts.layout}`, 'aria-live': 'polite' });
  const pending = h('span', { class: 'count-pill ai-pending-count', title: t('ai.filterPending') });
  let filter: Filter = 'all';
  let loaded = false;
  let failed = false;
  let lastConnection: Connection | null = null;
  const filterButton = (value: Filter, label: string): HTMLButtonElement =>
    h('button', { type: 'button', class: 'seg-btn', 'data-filter': value, 'aria-pressed': String(value === filter), onclick: () => setFilter(value) }, label);
  const filters = [filterButton('all', t('ai.filterAll')), filterButton('pending', t('ai.filterPending'))];
  const el = h(
    'section',
    { class: `ai-feed ai-feed-${opts.layout}`, 'aria-labelledby': titleId },
    h(
      'div',
      { class: 'section-head' },
      h('h2', { id: titleId }, opts.kitchenId ? t('ai.title') : t('ai.districtTitle'), pending),
      h('div', { class: 'seg', role: 'group' }, filters),
    ),
    list,
  );

  const load = (): void => {
    api
      .aiEvents({ kitchen: opts.kitchenId ?? undefined, limit: opts.limit }, abort.signal)
      .then((events) => {
        loaded = true;
        failed = false;
        store.aiEvents(events);
        rerender();
      })
      .catch(() => {
        if (abort.signal.aborted) return;
        failed = true;
        rerender();
      });
  };
  const rerender = (): void => feed.update(store.get(), Date.now());
  const setFilter = (value: Filter): void => {
    filter = value;
    for (const b of filters) b.setAttribute('aria-pressed', String(b.dataset.filter === value));
    rerender();
  };
  load();

  const feed: AiFeed = {
    el,
    update(state, now) {
      // ai:event missed while disconnected: fetch the page again on reconnect.
      if (state.connection === 'online' && lastConnection === 'offline') load();
      lastConnection = state.connection;
      const mine = [...state.aiEvents.values()].filter((e) => opts.kitchenId === null || e.kitchenId === opts.kitchenId);
      const waiting = mine.filter((e) => e.review === 'pending').length;
      pending.textContent = String(waiting);
      pending.classList.toggle('has-pending', waiting > 0);
      const shown = newestAiFirst(filter === 'pending' ? mine.filter((e) => e.review === 'pending') : mine).slice(0, opts.limit);
      if (!shown.length) {
        const text = !loaded ? (failed ? t('ai.error') : t('ai.loading')) : filter === 'pending' ? t('ai.emptyPending') : t('ai.empty');
        list.replaceChildren(h('li', { class: failed && !loaded ? 'placeholder error' : 'placeholder' }, text));
        return;
      }
      if (list.firstElementChild?.classList.contains('placeholder')) list.replaceChildren();
      const ctx = (e: AiEventDto): ItemContext => {
        const kitchen = state.kitchens.get(e.kitchenId);
        const camera = state.cameras.get(cameraKey(e.kitchenId, e.cameraId));
        return {
          kitchenName: opts.kitchenId === null ? (kitchen?.name ?? e.kitchenId) : null,
          cameraName: camera ? `${camera.name} · ${areaName(camera.area)}` : e.cameraId,
          timeZone: kitchen?.timezone || DEFAULT_TIME_ZONE,
          now,
        };
      };
      patchKeyed(
        list,
        shown,
        (e) => String(e.id),
        (e) => itemSignature(e, ctx(e)),
        (e) => renderItem(e, ctx(e), opts.reviewer === null ? null : review),
      );
    },
    destroy() {
      abort.abort();
    },
  };
  return feed;

  function review(e: AiEventDto, decision: Decision, summary: string): void {
    openReviewDialog(e, decision, {
      summary,
      reviewer: opts.reviewer ?? '',
      onReviewed: (reviewed) => store.aiEvents([reviewed]),
      onConflict: load,
    });
  }
}

function summaryOf(e: AiEventDto, ctx: ItemContext): string {
  return [aiCategoryName(e.category), ctx.kitchenName, ctx.cameraName, formatTime(e.detectedAt, ctx)].filter(Boolean).join(' · ');
}

function itemSignature(e: AiEventDto, ctx: ItemContext): string {
  return JSON.stringify([getLang(), e, ctx.kitchenName, ctx.cameraName, formatTime(e.detectedAt, ctx), e.reviewedAt && formatTime(e.reviewedAt, ctx)]);
}

/** `review` null: the user may not review, so a pending event shows no buttons. */
function renderItem(e: AiEventDto, ctx: ItemContext, review: ((e: AiEventDto, d: Decision, summary: string) => void) | null): HTMLElement {
  const category = aiCategoryName(e.category);
  const summary = summaryOf(e, ctx);
  const alt = t('ai.snapshotAlt', { category, camera: ctx.cameraName });
  const snapshot = e.snapshotUrl
    ? h(
        'button',
        { type: 'button', class: 'ai-snap', title: t('ai.openSnapshot'), onclick: () => openSnapshot(e.snapshotUrl!, alt, summary) },
        h('img', { src: e.snapshotUrl, alt, loading: 'lazy', decoding: 'async' }),
      )
    : h('div', { class: 'ai-snap ai-snap-none' }, t('ai.noSnapshot'));
  return h(
    'li',
    { class: `ai-item review-${e.review} cat-${e.category}`, 'data-event-id': e.id },
    snapshot,
    h(
      'div',
      { class: 'ai-body' },
      h(
        'div',
        { class: 'ai-row' },
        h('strong', { class: 'ai-cat' }, category),
        h('time', { class: 'ai-time', datetime: e.detectedAt }, formatTime(e.detectedAt, ctx)),
      ),
      h(
        'div',
        { class: 'ai-where' },
        ctx.kitchenName ? h('a', { href: kitchenHref(e.kitchenId), class: 'ai-kitchen' }, ctx.kitchenName) : null,
        h('span', { class: 'muted' }, ctx.cameraName),
      ),
      h(
        'div',
        { class: 'ai-row ai-facts' },
        h('span', null, t('ai.detections', { n: e.detections })),
        h('span', null, t('ai.confidence', { v: formatConfidence(e.confidence) })),
        h('span', { class: `review-chip review-chip-${e.review}` }, t(`ai.review.${e.review}`)),
      ),
      e.review === 'pending'
        ? review && h(
            'div',
            { class: 'ai-actions' },
            h('button', { type: 'button', class: 'btn btn-danger ai-confirm', onclick: () => review(e, 'confirm', summary) }, t('ai.confirm')),
            h('button', { type: 'button', class: 'btn ai-reject', onclick: () => review(e, 'reject', summary) }, t('ai.reject')),
          )
        : h(
            'div',
            { class: 'ai-trail muted' },
            h(
              'span',
              null,
              t(e.review === 'confirmed' ? 'ai.confirmedBy' : 'ai.rejectedBy', {
                who: e.reviewedBy ?? '—',
                t: e.reviewedAt ? formatTime(e.reviewedAt, ctx) : '—',
              }),
            ),
            e.reviewNote ? h('span', null, t('ai.note', { note: e.reviewNote })) : null,
          ),
    ),
  );
}
