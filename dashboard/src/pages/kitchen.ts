// One kitchen: its facts, the food samples of today (or a past day), its cameras and AI events
// (明厨亮灶), a live 24 h chart per unit, and its alerts (open first). An alert opens its detail
// (history and actions); kitchen staff see their open alerts first, large, with one-tap buttons.
import type { Alert, Kitchen, SampleDay } from '../../../contracts/api.ts';
import type { Me } from '../../../contracts/auth.ts';
import { api } from '../api.ts';
import { isKitchenUser, reviewerOf } from '../auth.ts';
import { createChannelsPanel } from '../components/channels-panel.ts';
import { createRegistrySection } from '../components/registry-panel.ts';
import { tileState } from '../inspector-home.ts';
import { createKitchenBuzzer } from '../sound.ts';
import { createKitchenAlerts } from '../components/kitchen-alerts.ts';
import { createBrightKitchenSection } from '../components/bright-kitchen-section.ts';
import { latencyRequested, pageParams } from '../bright-kitchen.ts';
import { readingBadges, stateChip } from '../components/chips.ts';
import { createSampleNav, renderSampleBoard, sampleBoardSignature } from '../components/sample-board.ts';
import { unitName } from '../components/kitchen-card.ts';
import { createUnitChart, type UnitChart } from '../components/unit-chart.ts';
import { h, icon } from '../dom.ts';
import { DEFAULT_TIME_ZONE, formatAge, formatTempValue } from '../format.ts';
import { getLang, t } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import { limitsFor } from '../limits.ts';
import { DISTRICT_HREF } from '../route.ts';
import { debounce, isSampleRule } from '../samples.ts';
import type { Live } from '../socket.ts';
import { type Connection, type State, type Store } from '../store.ts';
import { kitchenView, type UnitView } from '../summary.ts';
import type { Page } from './page.ts';

interface UnitSlot {
  head: HTMLElement;
  chart: UnitChart;
  sig: string;
  alertSig: string;
}

/** `me`: who is logged in (what they may do on alerts and AI events; kitchen staff get their own view). */
export function mountKitchen(root: HTMLElement, kitchenId: string, store: Store, live: Live, me: Me): Page {
  const abort = new AbortController();
  const reviewer = reviewerOf(me);
  const head = h('div', { class: 'panel kitchen-head' });
  const unitsEl = h('div', { class: 'unit-panels' });
  const alerts = createKitchenAlerts(kitchenId, store, me);
  // The registry (facts, staff certificates, calibrations), the notification settings, and the
  // buzzer for the kitchen's own people; an inspector reads the registry first, the kitchen last.
  const registry = createRegistrySection(kitchenId, me);
  const channels = createChannelsPanel(kitchenId, me);
  const ownKitchen = isKitchenUser(me) && me.kitchenId === kitchenId;
  const buzzer = ownKitchen ? createKitchenBuzzer(kitchenId) : null;
  /** `#/kitchen/<id>?alert=<n>` (the inspector's board): open that alert once it is listed. */
  let alertToOpen = Number(pageParams(window.location.href).get('alert')) || null;
  const samplesTitle = h('h2', { id: 'samples-title' }, t('samples.title'));
  const samplesDate = h('span', { class: 'muted sample-date' });
  const samplesNav = createSampleNav((date) => showDay(date));
  const samplesEl = h('div', { class: 'sample-board' }, h('p', { class: 'placeholder' }, t('samples.loading')));
  const bright = createBrightKitchenSection(kitchenId, store, {
    latency: latencyRequested(window.location.href),
    play: pageParams(window.location.href).get('play'),
    reviewer,
  });
  const body = h(
    'div',
    { class: 'kitchen-body', hidden: true },
    h(
      'div',
      { class: 'kitchen-main' },
      ownKitchen ? null : registry.summary,
      h(
        'section',
        { class: 'panel samples', 'aria-labelledby': 'samples-title' },
        h('div', { class: 'section-head' }, samplesTitle, samplesDate, samplesNav.el),
        samplesEl,
      ),
      bright.el,
      h('section', { class: 'units', 'aria-labelledby': 'charts-title' }, h('div', { class: 'section-head' }, h('h2', { id: 'charts-title' }, t('kitchen.charts'))), unitsEl),
      ownKitchen ? registry.summary : null,
      registry.details,
      channels.el,
    ),
    h('aside', { class: 'panel kitchen-alerts', 'aria-labelledby': 'alerts-title' }, h('div', { class: 'section-head' }, h('h2', { id: 'alerts-title' }, t('kitchen.alerts'))), alerts.list),
  );
  const slots = new Map<string, UnitSlot>();
  let fallbackKitchen: Kitchen | null = null;
  let notFound = false;
  let kitchenRequested = false;
  let devicesSettled = false;
  let headSig = '';
  let sampleDay: SampleDay | null = null;
  let sampleError = false;
  let sampleSeq = 0;
  let sampleSig = '';
  // The day on the board: null follows the site's today (live); otherwise a past day (YYYY-MM-DD).
  let sampleDate: string | null = null;
  // The site's today, as the server last told it (the board's own `date`), not the browser's clock.
  let siteToday: string | null = null;
  let lastConnection: Connection | null = null;
  root.replaceChildren(
    h(
      'div',
      { class: 'page kitchen' },
      h('div', { class: 'kitchen-topline' }, h('a', { class: 'back-link', href: DISTRICT_HREF }, icon(ICONS.back), t('kitchen.back')), buzzer?.el),
      alerts.staff,
      head,
      body,
    ),
  );

  live.watch(kitchenId);
  const unsubscribeReadings = live.onReading((r) => {
    if (r.kitchenId === kitchenId) slots.get(r.deviceId)?.chart.addReading(r.ts, r.temp);
  });
  const rerender = (): void => page.update(store.get(), Date.now());
  const loadSamples = (): void => {
    const seq = ++sampleSeq; // only the newest answer counts
    const date = sampleDate;
    api
      .samples(kitchenId, date ?? undefined, abort.signal)
      .then((day) => {
        if (seq !== sampleSeq) return;
        if (date === null) siteToday = day.date;
        sampleDay = day;
        sampleError = false;
        rerender();
      })
      .catch(() => {
        if (abort.signal.aborted || seq !== sampleSeq) return;
        sampleError = sampleDay === null; // keep showing the last board we had
        rerender();
      });
  };
  const refetchSamples = debounce(loadSamples, 300);
  /** Shows another day's board; today's goes back to following the site's today. */
  const showDay = (date: string): void => {
    sampleDate = date === siteToday ? null : date;
    sampleDay = null; // "loading" rather than the last day's board under the new date
    sampleError = false;
    refetchSamples.cancel();
    loadSamples();
    rerender();
  };
  loadSamples();
  // Today's board is live; a past day is history, refetched only when a sample of that very day changes.
  const unsubscribeSamples = live.onSample((s) => {
    if (s.kitchenId === kitchenId && (sampleDate === null || s.date === sampleDate)) refetchSamples();
  });
  const unsubscribeRaised = live.onAlertRaised((a) => {
    if (a.kitchenId === kitchenId && isSampleRule(a.ruleId) && sampleDate === null) refetchSamples();
  });
  api
    .devices(kitchenId, abort.signal)
    .then((devices) => store.devices(devices))
    .catch(() => undefined) // charts still come, without names or limits
    .finally(() => {
      devicesSettled = true;
      if (!abort.signal.aborted) rerender();
    });
  api
    .alerts(kitchenId, abort.signal)
    .then((list) => {
      alerts.addFetched(list);
      rerender();
    })
    .catch(() => undefined); // the live alerts from the snapshot are still shown

  const page: Page = {
    update(state: State, now: number) {
      const kitchen = state.kitchens.get(kitchenId) ?? fallbackKitchen;
      if (!kitchen) {
        if (state.ready && !kitchenRequested) loadKitchen();
        head.replaceChildren(h('p', { class: 'placeholder' }, notFound ? t('kitchen.notFound') : t('district.loading')));
        return;
      }
      body.hidden = false;
      const view = kitchenView(state, kitchen);
      // Coloured as on the inspector's grid: its units and its unresolved alerts (not reminders).
      const worst = tileState(view);
      const sig = JSON.stringify([getLang(), kitchen, worst, view.units.length]);
      if (sig !== headSig) {
        headSig = sig;
        head.replaceChildren(...renderHead(kitchen, worst, view.units.length));
      }
      // Sample events missed while disconnected: fetch the board again on reconnect.
      if (state.connection === 'online' && lastConnection === 'offline') refetchSamples();
      lastConnection = state.connection;
      updateSamples(kitchen.timezone || DEFAULT_TIME_ZONE, now);
      bright.update(state, kitchen, now);
      if (devicesSettled) for (const unit of view.units) updateUnit(unit, kitchen, now);
      const list = alerts.update(state, kitchen, now);
      markAlerts(list);
      buzzer?.update(list);
      registry.update(kitchen, now);
      channels.update(kitchen, now);
      openRequestedAlert();
    },
    destroy() {
      abort.abort();
      unsubscribeReadings();
      unsubscribeSamples();
      unsubscribeRaised();
      refetchSamples.cancel();
      live.watch(null);
      bright.destroy();
      alerts.destroy();
      registry.destroy();
      channels.destroy();
      buzzer?.destroy();
      for (const s of slots.values()) s.chart.destroy();
    },
  };
  return page;

  function openRequestedAlert(): void {
    if (alertToOpen === null) return;
    const item = alerts.list.querySelector<HTMLElement>(`[data-alert-id="${alertToOpen}"]`);
    if (!item) return; // not listed yet (the REST page is on its way)
    alertToOpen = null;
    item.click();
  }

  /** Not in the snapshot (another district, or just added): ask the server once. */
  function loadKitchen(): void {
    kitchenRequested = true;
    api
      .kitchen(kitchenId, abort.signal)
      .then((k) => {
        fallbackKitchen = k;
      })
      .catch(() => {
        notFound = true;
      })
      .finally(() => !abort.signal.aborted && rerender());
  }

  function updateSamples(timeZone: string, now: number): void {
    const isToday = sampleDate === null;
    const shown = sampleDate ?? sampleDay?.date ?? siteToday;
    const sig = JSON.stringify([getLang(), sampleError, shown, siteToday, sampleDay ? sampleBoardSignature(sampleDay, timeZone, now) : null]);
    if (sig === sampleSig) return;
    sampleSig = sig;
    samplesTitle.textContent = t(isToday ? 'samples.title' : 'samples.titleDay');
    samplesDate.textContent = shown ?? '';
    samplesNav.update(shown, siteToday);
    if (sampleDay) samplesEl.replaceChildren(renderSampleBoard(sampleDay, timeZone, now, isToday));
    else samplesEl.replaceChildren(h('p', { class: sampleError ? 'placeholder error' : 'placeholder' }, sampleError ? t('samples.error') : t('samples.loading')));
  }

  function updateUnit(unit: UnitView, kitchen: Kitchen, now: number): void {
    let slot = slots.get(unit.deviceId);
    if (!slot) {
      const chart = createUnitChart({
        limits: limitsFor(kitchen.profile, unit.device?.kind),
        timeZone: kitchen.timezone || DEFAULT_TIME_ZONE,
        intervalS: unit.device?.reportIntervalS ?? 60,
        load: (from, to) => api.series(kitchenId, unit.deviceId, from, to, abort.signal),
      });
      slot = { head: h('div', { class: 'unit-head' }), chart, sig: '', alertSig: '' };
      slots.set(unit.deviceId, slot);
      unitsEl.append(h('article', { class: 'panel unit-panel' }, slot.head, chart.el));
    }
    const r = unit.reading;
    const sig = JSON.stringify([getLang(), unit.device, unit.state, r?.temp, r?.door, r?.defrost, r ? formatAge(r.ts, now) : null]);
    if (sig === slot.sig) return;
    slot.sig = sig;
    slot.head.className = `unit-head state-${unit.state}`;
    slot.head.replaceChildren(
      h(
        'div',
        { class: 'unit-title' },
        h('h3', null, unitName(unit)),
        h(
          'p',
          { class: 'muted' },
          unit.device ? `${t(`kind.${unit.device.kind}`)} · ${t('unit.interval', { n: unit.device.reportIntervalS })}` : unit.deviceId,
        ),
      ),
      h(
        'div',
        { class: 'unit-now' },
        h('span', { class: 'unit-temp big' }, formatTempValue(r?.temp), h('small', null, '°C')),
        h('div', { class: 'unit-now-meta' }, stateChip(unit.state), readingBadges(r), r ? h('span', { class: 'muted' }, formatAge(r.ts, now)) : null),
      ),
    );
  }

  /** Each chart marks its unit's alerts. */
  function markAlerts(list: Alert[]): void {
    for (const [deviceId, slot] of slots) {
      const mine = list.filter((a) => a.deviceId === deviceId);
      const sig = JSON.stringify(mine.map((a) => [a.id, a.severity, a.firstOutAt, a.clearedAt]));
      if (sig === slot.alertSig) continue; // a redraw per reading would be wasted work
      slot.alertSig = sig;
      slot.chart.setAlerts(mine);
    }
  }
}

function renderHead(kitchen: Kitchen, worst: UnitView['state'], units: number): HTMLElement[] {
  const fact = (label: Parameters<typeof t>[0], value: string | number): HTMLElement =>
    h('div', { class: 'fact' }, h('dt', null, t(label)), h('dd', null, String(value)));
  return [
    h('div', { class: 'kitchen-title' }, h('h1', null, kitchen.name), stateChip(worst)),
    h(
      'dl',
      { class: 'facts' },
      fact('kitchen.siteType', kitchen.siteType),
      fact('kitchen.district', kitchen.district),
      fact('kitchen.address', kitchen.address),
      fact('kitchen.profile', kitchen.profile),
      fact('kitchen.timezone', kitchen.timezone),
      fact('kitchen.units', units),
    ),
  ];
}
