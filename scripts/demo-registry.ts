// The demo district's registry (rule book sections 3 and 8): for every kitchen a site number,
// licence, risk grade and place on the map (a few km apart), its last inspection, 3–5 staff
// with health certificates, and a calibration of each cold unit. A few items are due so the
// reminders have something to show:
//   k001: a health certificate lapsed 12 days ago          [FS-REG-HEALTH-CERT]
//   k002: the licence lapses in 40 days, and a certificate in 10   [FS-REG-LICENCE] [FS-REG-HEALTH-CERT]
//   k003: the freezer's calibration is a month overdue     [FS-CAL-DUE]
//   k004: a field check of chiller 2 read 1.4 °C warm      [FS-CAL-DUE]
// Written as the district's history (straight into the repos, not as acts of a user), once: a
// kitchen whose site number is set is left as it is on the next start.
import type { DeviceInfo } from '../contracts/payloads.ts';
import type { RiskGrade } from '../contracts/registry.ts';
import type { KitchenServer } from '../server/create-server.ts';
import { addDays, addMonths } from '../server/domain/registry/dates.ts';
import { localDate } from '../server/app/site-time.ts';
import type { DemoKitchen } from './demo-district.ts';

const INSPECTOR = '张监管（示范区市场监管局）';
const METROLOGY = '示范市计量测试所';
const NAMES = ['王建国', '李秀英', '张伟', '刘芳', '陈静', '杨洋', '赵磊', '黄丽', '周强', '吴敏', '徐明', '孙燕', '马俊', '朱红', '胡军'];
const POSITIONS = ['厨师长', '厨师', '帮厨', '配餐员', '面点师'];
const GRADES: RiskGrade[] = ['A', 'B', 'A', 'C', 'B'];
/** The demo city's centre (a plausible one: central Shanghai); kitchens sit on a ~1.5 km grid around it. */
const CENTRE = { lat: 31.2, lng: 121.45 };

const pad = (n: number, width = 3) => String(n).padStart(width, '0');
/** A fixed jitter in [-1, 1] per kitchen and axis, so the map looks like a city, not a grid. */
const jitter = (i: number, axis: number) => Math.sin(i * 12.9898 + axis * 78.233);
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function placeOf(i: number): { lat: number; lng: number } {
  const col = i % 5;
  const row = Math.floor(i / 5);
  return {
    lat: round5(CENTRE.lat + (row - 1.5) * 0.014 + jitter(i, 1) * 0.004),
    lng: round5(CENTRE.lng + (col - 2) * 0.016 + jitter(i, 2) * 0.004),
  };
}

/** Certificates valid 3–11 months ahead, but for the scripted ones. */
function certExpiry(i: number, s: number, today: string): string {
  if (i === 0 && s === 1) return addDays(today, -12);
  if (i === 1 && s === 2) return addDays(today, 10);
  return addDays(addMonths(today, 3 + ((i * 5 + s * 3) % 9)), (i + s) % 20);
}

function seedKitchen(server: KitchenServer, k: DemoKitchen, i: number, today: string, now: number) {
  const id = k.kitchen.id;
  server.registry.saveAnnouncedDevices(id, k.gatewayId, k.devices.map(({ unitId: _unit, ...info }): DeviceInfo => info));
  server.registryFacts.update(id, {
    siteNumber: `ZC-310104-${pad(i + 1)}`,
    licenceNumber: `JY1310104${pad(60_123 + i * 379, 7)}`,
    licenceExpiresOn: i === 1 ? addDays(today, 40) : addDays(addMonths(today, 14 + (i * 7) % 30), i % 28),
    riskGrade: GRADES[i % GRADES.length]!,
    ...placeOf(i),
  });
  const inspectedOn = addDays(today, -(18 + (i * 11) % 80));
  server.registryFacts.insertInspection({
    kitchenId: id, date: inspectedOn, result: i === 3 ? 'pass_with_remarks' : 'pass', inspector: INSPECTOR, recordedAt: now,
    note: i === 3 ? '冷藏柜温度记录有两天缺签，已当场整改' : '',
  });
  const staffCount = 3 + (i % 3);
  for (let s = 0; s < staffCount; s++) {
    server.staff.insert(id, {
      name: NAMES[(i * 4 + s) % NAMES.length]!, position: POSITIONS[s % POSITIONS.length]!,
      healthCertNumber: `JKZ-${pad(i + 1)}-${pad(s + 1, 2)}`, healthCertExpiresOn: certExpiry(i, s, today), active: true,
    });
  }
  for (const [u, d] of k.devices.entries()) {
    const overdue = i === 2 && d.device === 'freezer-1';
    const date = overdue ? addMonths(addDays(today, -30), -12) : addDays(addMonths(today, -(3 + (i + u) % 7)), -u);
    server.calibrations.insert({
      kitchenId: id, deviceId: d.device, date, kind: 'calibration', referenceC: d.kind === 'freezer' ? -18 : 4,
      readingC: d.kind === 'freezer' ? -18.2 : 4.1, certificate: `JL${date.slice(0, 4)}-${pad(i + 1)}${u + 1}`, by: METROLOGY, recordedAt: now,
    });
    if (i === 3 && d.device === 'chiller-2') {
      server.calibrations.insert({
        kitchenId: id, deviceId: d.device, date: addDays(today, -5), kind: 'field_check', referenceC: 3.6, readingC: 5.0,
        certificate: null, by: NAMES[(i * 4) % NAMES.length]!, recordedAt: now,
      });
    }
  }
}

/** Idempotent: a kitchen with a site number on file is already seeded. Raises the reminders due. */
export function seedDemoRegistry(server: KitchenServer, district: readonly DemoKitchen[], now: number): void {
  for (const [i, k] of district.entries()) {
    if (server.registryFacts.facts(k.kitchen.id)?.siteNumber) continue;
    seedKitchen(server, k, i, localDate(now, k.kitchen.timezone), now);
  }
  for (const k of district) server.registryReminders.check(k.kitchen.id);
}
