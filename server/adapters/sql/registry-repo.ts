// Kitchens and their devices. Devices are keyed by (kitchen, device): the
// kitchen comes from the broker-enforced topic, so one kitchen's gateway can
// never register or overwrite a device of another kitchen.
import type { Device, Gateway, Kitchen } from '../../../contracts/api.ts';
import type { DeviceInfo } from '../../../contracts/payloads.ts';
import type { Db } from './database.ts';
import { profileById } from '../../../contracts/profiles.ts';

interface KitchenRow {
  id: string; name: string; district: string; address: string; site_type: string; timezone: string; profile: string;
  lat: number | null; lng: number | null; risk_grade: string | null;
}
interface DeviceRow {
  kitchen_id: string; device_id: string; gateway_id: string; kind: Device['kind']; name: string; probe: Device['probe'];
  report_interval_s: number; defrost_interval_min: number | null; defrost_max_min: number | null;
}

interface GatewayRow { kitchen_id: string; gateway_id: string; state: 'online' | 'offline'; since: number; firmware: string | null; outbox_depth: number | null }

const toKitchen = (r: KitchenRow): Kitchen => ({
  id: r.id, name: r.name, district: r.district, address: r.address, siteType: r.site_type, timezone: r.timezone, profile: r.profile,
  lat: r.lat, lng: r.lng, riskGrade: r.risk_grade, // the registry's facts (migration 8), for the inspector's map
});

const toDevice = (r: DeviceRow): Device => ({
  kitchenId: r.kitchen_id, gatewayId: r.gateway_id, deviceId: r.device_id, kind: r.kind, name: r.name, probe: r.probe,
  reportIntervalS: r.report_interval_s, defrostIntervalMin: r.defrost_interval_min, defrostMaxMin: r.defrost_max_min,
});

export function createRegistryRepo(db: Db) {
  const upsertKitchen = db.prepare(`INSERT INTO kitchens (id, name, district, address, site_type, timezone, profile)
    VALUES (@id, @name, @district, @address, @siteType, @timezone, @profile)
    ON CONFLICT(id) DO UPDATE SET name=excluded.name, district=excluded.district, address=excluded.address,
      site_type=excluded.site_type, timezone=excluded.timezone, profile=excluded.profile`);
  const upsertDevice = db.prepare(`INSERT INTO devices (kitchen_id, device_id, gateway_id, kind, name, probe,
      report_interval_s, defrost_interval_min, defrost_max_min)
    VALUES (@kitchenId, @device, @gatewayId, @kind, @name, @probe, @reportIntervalS, @defrostIntervalMin, @defrostMaxMin)
    ON CONFLICT(kitchen_id, device_id) DO UPDATE SET gateway_id=excluded.gateway_id, kind=excluded.kind, name=excluded.name,
      probe=excluded.probe, report_interval_s=excluded.report_interval_s,
      defrost_interval_min=excluded.defrost_interval_min, defrost_max_min=excluded.defrost_max_min`);
  const insertUnknownKitchen = db.prepare(
    `INSERT OR IGNORE INTO kitchens (id, name, district) VALUES (?, ?, '')`,
  );

  return {
    /** Throws for an unknown rule profile: every kitchen must be judgeable. */
    saveKitchen(k: Kitchen) {
      profileById(k.profile);
      upsertKitchen.run(k);
    },
    listKitchens: (): Kitchen[] => (db.prepare('SELECT * FROM kitchens ORDER BY id').all() as KitchenRow[]).map(toKitchen),
    getKitchen(id: string): Kitchen | undefined {
      const row = db.prepare('SELECT * FROM kitchens WHERE id = ?').get(id) as KitchenRow | undefined;
      return row && toKitchen(row);
    },
    /** Registers what a gateway announced; a kitchen not yet in the registry is created bare. */
    saveAnnouncedDevices(kitchenId: string, gatewayId: string, devices: DeviceInfo[]) {
      db.transaction(() => {
        insertUnknownKitchen.run(kitchenId, kitchenId);
        for (const d of devices) {
          upsertDevice.run({
            kitchenId, gatewayId, device: d.device, kind: d.kind, name: d.name ?? d.device, probe: d.probe ?? 'air',
            reportIntervalS: d.reportIntervalS, defrostIntervalMin: d.defrostIntervalMin ?? null, defrostMaxMin: d.defrostMaxMin ?? null,
          });
        }
      })();
    },
    /** A gateway's state from its status message; `since` changes only when the state does. */
    saveGatewayStatus(kitchenId: string, gatewayId: string, s: { state: 'online' | 'offline'; at: number; firmware?: string; outboxDepth?: number }) {
      db.prepare(`INSERT INTO gateways (kitchen_id, gateway_id, state, since, firmware, outbox_depth) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(kitchen_id, gateway_id) DO UPDATE SET
          since = CASE WHEN gateways.state = excluded.state THEN gateways.since ELSE excluded.since END,
          state = excluded.state, firmware = coalesce(excluded.firmware, gateways.firmware),
          outbox_depth = coalesce(excluded.outbox_depth, gateways.outbox_depth)`)
        .run(kitchenId, gatewayId, s.state, s.at, s.firmware ?? null, s.outboxDepth ?? null);
    },
    listGateways(kitchenId?: string): Gateway[] {
      const rows = (kitchenId
        ? db.prepare('SELECT * FROM gateways WHERE kitchen_id = ? ORDER BY gateway_id').all(kitchenId)
        : db.prepare('SELECT * FROM gateways ORDER BY kitchen_id, gateway_id').all()) as GatewayRow[];
      return rows.map((r) => ({
        kitchenId: r.kitchen_id, gatewayId: r.gateway_id, state: r.state, since: new Date(r.since).toISOString(),
        firmware: r.firmware, outboxDepth: r.outbox_depth,
      }));
    },
    listDevices(kitchenId?: string): Device[] {
      const rows = kitchenId
        ? db.prepare('SELECT * FROM devices WHERE kitchen_id = ? ORDER BY device_id').all(kitchenId)
        : db.prepare('SELECT * FROM devices ORDER BY kitchen_id, device_id').all();
      return (rows as DeviceRow[]).map(toDevice);
    },
    getDevice(kitchenId: string, deviceId: string): Device | undefined {
      const row = db.prepare('SELECT * FROM devices WHERE kitchen_id = ? AND device_id = ?').get(kitchenId, deviceId) as DeviceRow | undefined;
      return row && toDevice(row);
    },
  };
}

export type RegistryRepo = ReturnType<typeof createRegistryRepo>;
