// #/admin/devices?kitchen=<id>: one kitchen's gateways (state, since, firmware, outbox depth),
// its units and cameras; a gateway provisioned here (its secret shown once) or its secret
// rotated. The kitchen picked stays in the address, so the page can be linked and reloaded.
import type { Device, Gateway, Kitchen } from '../../../../contracts/api.ts';
import type { CameraDto } from '../../../../contracts/camera-api.ts';
import { adminApi } from '../../admin-api.ts';
import { gatewayRows, intervalParts, type GatewayRow } from '../../admin-devices.ts';
import { adminErrorText } from '../../admin-errors.ts';
import { adminTable, code, row, toneChip } from '../../components/admin/admin-table.ts';
import { select } from '../../components/admin/fields.ts';
import { openProvisionDialog, rotateGatewaySecret, type ProvisionOptions } from '../../components/admin/provision-dialog.ts';
import { h } from '../../dom.ts';
import { formatDateTime } from '../../format.ts';
import { t } from '../../i18n.ts';
import { adminHref } from '../../route.ts';
import { sectionHead, type AdminContext } from './shared.ts';

const GW_COLUMNS = ['id', 'state', 'since', 'firmware', 'outbox'] as const;
const DEV_COLUMNS = ['id', 'name', 'kind', 'probe', 'gateway', 'interval'] as const;
const CAM_COLUMNS = ['id', 'name', 'area', 'gateway', 'state', 'retention'] as const;

function gatewayRow(r: GatewayRow, tz: string, rotate: (id: string) => void): HTMLTableRowElement {
  const id = r.kind === 'reported' ? r.gateway.gatewayId : r.gatewayId;
  const rotateButton = h('td', { class: 'admin-row-actions' }, h('button', { type: 'button', class: 'btn admin-rotate', onclick: () => rotate(id) }, t('admin.gw.rotate')));
  if (r.kind === 'pending') {
    return row({ 'data-gateway-id': id }, code(id), toneChip('unknown', t('admin.gw.pending'), 'unknown'), h('td', { class: 'muted', colspan: 3 }, t('admin.gw.pendingNote')), rotateButton);
  }
  const g: Gateway = r.gateway;
  const online = g.state === 'online';
  return row(
    { 'data-gateway-id': id },
    code(id),
    toneChip(online ? 'ok' : 'offline', t(online ? 'admin.gw.online' : 'admin.gw.offline'), online ? 'ok' : 'offline'),
    formatDateTime(g.since, tz),
    g.firmware ?? '—',
    g.outboxDepth === null ? '—' : String(g.outboxDepth),
    rotateButton,
  );
}

function deviceRow(d: Device): HTMLTableRowElement {
  const every = intervalParts(d.reportIntervalS);
  return row(
    { 'data-device-id': d.deviceId },
    code(d.deviceId),
    d.name,
    t(`kind.${d.kind}`),
    t(`admin.dev.probe.${d.probe}`),
    code(d.gatewayId),
    t(`admin.dev.every.${every.unit}`, { n: every.n }),
  );
}

/** [FS-CAM-RETENTION] What the recorder keeps against what the jurisdiction requires; short of it is marked. */
function retentionCell(c: CameraDto): HTMLTableCellElement {
  const keeps = c.recorderDays === null ? '—' : t('admin.cam.days', { n: c.recorderDays });
  const short = c.recorderDays !== null && c.recorderDays < c.requiredRetentionDays;
  return h('td', null, t('admin.cam.retention', { keeps, needs: c.requiredRetentionDays }), short ? [' ', toneChip('warning', t('admin.cam.short'), 'warning')] : null);
}

function cameraRow(c: CameraDto): HTMLTableRowElement {
  return row(
    { 'data-camera-id': c.cameraId },
    code(c.cameraId),
    c.name,
    t(`area.${c.area}`),
    code(c.gatewayId),
    toneChip(c.online ? 'ok' : 'offline', t(c.online ? 'admin.gw.online' : 'admin.gw.offline'), c.online ? 'ok' : 'offline'),
    retentionCell(c),
  );
}

export function mountDevices(root: HTMLElement, ctx: AdminContext, wanted: string | null): void {
  const picker = h('div', { class: 'admin-kitchen-pick' });
  const body = h('div', { class: 'admin-devices-body' }, h('p', { class: 'placeholder' }, t('admin.loading')));
  root.replaceChildren(h('div', { class: 'admin-toolbar panel' }, picker), body);
  const provisioned = new Map<string, Set<string>>();

  const showKitchen = (k: Kitchen): void => {
    history.replaceState(history.state, '', adminHref('devices', { kitchen: k.id })); // no hashchange: no remount
    const gwBox = h('div', { class: 'admin-panel-body' }, t('admin.loading'));
    const devBox = h('div', { class: 'admin-panel-body' }, t('admin.loading'));
    const camBox = h('div', { class: 'admin-panel-body' }, t('admin.loading'));
    const opts: ProvisionOptions = {
      kitchen: k,
      onProvisioned: (p) => {
        provisioned.set(k.id, (provisioned.get(k.id) ?? new Set()).add(p.gatewayId));
        void loadGateways();
      },
    };
    const provision = h('button', { type: 'button', class: 'btn btn-big btn-primary admin-provision', onclick: () => openProvisionDialog(opts) }, t('admin.gw.provision'));
    const refresh = h('button', { type: 'button', class: 'btn btn-big admin-refresh', onclick: () => void loadAll() }, t('admin.refresh'));
    body.replaceChildren(
      h('section', { class: 'panel admin-panel', 'aria-labelledby': 'admin-gw-title' }, sectionHead('admin-gw-title', t('admin.gw.title'), null, refresh, provision), gwBox),
      h('section', { class: 'panel admin-panel', 'aria-labelledby': 'admin-dev-title' }, sectionHead('admin-dev-title', t('admin.dev.title'), null), devBox),
      h('section', { class: 'panel admin-panel', 'aria-labelledby': 'admin-cam-title' }, sectionHead('admin-cam-title', t('admin.cam.title'), null), camBox),
    );
    /** Fills one box with its table, or the failure in words; the others load on their own. */
    const fill = async <T>(box: HTMLElement, fetchIt: () => Promise<T[]>, build: (items: T[]) => HTMLElement): Promise<void> => {
      try {
        const items = await fetchIt();
        if (!ctx.signal.aborted) box.replaceChildren(build(items));
      } catch (err) {
        if (!ctx.signal.aborted) box.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, adminErrorText(err)));
      }
    };
    const rotate = (id: string) => void rotateGatewaySecret(opts, id);
    const loadGateways = () =>
      fill(gwBox, () => adminApi.gateways(k.id, ctx.signal), (gws) =>
        adminTable('gateways-table', t('admin.gw.title'), [...GW_COLUMNS.map((c) => t(`admin.gw.col.${c}`)), ''],
          gatewayRows(gws, provisioned.get(k.id) ?? []).map((r) => gatewayRow(r, k.timezone, rotate)), t('admin.gw.empty')));
    const loadAll = () =>
      Promise.all([
        loadGateways(),
        fill(devBox, () => adminApi.devices(k.id, ctx.signal), (ds) =>
          adminTable('devices-table', t('admin.dev.title'), DEV_COLUMNS.map((c) => t(`admin.dev.col.${c}`)), ds.map(deviceRow), t('admin.dev.empty'))),
        fill(camBox, () => adminApi.cameras(k.id, ctx.signal), (cs) =>
          adminTable('cameras-table', t('admin.cam.title'), CAM_COLUMNS.map((c) => t(`admin.cam.col.${c}`)), cs.map(cameraRow), t('admin.cam.empty'))),
      ]);
    void loadAll();
  };

  adminApi.kitchens(ctx.signal).then(
    (kitchens) => {
      if (ctx.signal.aborted) return;
      kitchens.sort((a, b) => a.id.localeCompare(b.id));
      if (!kitchens.length) return void body.replaceChildren(h('p', { class: 'placeholder' }, t('admin.sites.empty')));
      const first = kitchens.find((k) => k.id === wanted) ?? kitchens[0]!;
      const choose = select('kitchen', kitchens.map((k) => [k.id, `${k.name} (${k.id})`]), first.id, { id: 'admin-kitchen' });
      choose.addEventListener('change', () => showKitchen(kitchens.find((k) => k.id === choose.value)!));
      picker.replaceChildren(h('label', { class: 'admin-label', for: 'admin-kitchen' }, t('admin.dev.kitchen')), choose);
      showKitchen(first);
    },
    (err: unknown) => {
      if (!ctx.signal.aborted) body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, adminErrorText(err)));
    },
  );
}
