// The site administration's rules, without the DOM: a new site's form checked as the server
// checks it (contracts/registry.ts KitchenCreateRequest), the registry edit turned into the
// facts that changed (RegistryUpdate: omitted facts stay), and a licence's state for the table.
import type { KitchenCreateRequest, KitchenRegistry, RegistryUpdate, RiskGrade, SiteType } from '../../contracts/registry.ts';
import { RISK_GRADES, SITE_TYPES } from '../../contracts/registry.ts';
import { isValidId } from '../../contracts/topics.ts';
import type { Key } from './i18n.ts';

/** A form's check: the request to send, or the first field in error and why. */
export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; error: Key };

const bad = (field: string, error: Key): { ok: false; field: string; error: Key } => ({ ok: false, field, error });

export interface SiteCreateValues {
  id: string;
  name: string;
  district: string;
  address: string;
  siteType: string;
  jurisdictions: readonly string[];
}

export const isSiteType = (s: string): s is SiteType => (SITE_TYPES as readonly string[]).includes(s);

export function checkSiteCreate(v: SiteCreateValues): Checked<KitchenCreateRequest> {
  const id = v.id.trim();
  if (!isValidId(id)) return bad('id', 'admin.err.siteId');
  const name = v.name.trim();
  if (!name) return bad('name', 'admin.err.required');
  if (!isSiteType(v.siteType)) return bad('siteType', 'admin.err.siteType');
  const req: KitchenCreateRequest = { id, name, district: v.district.trim(), address: v.address.trim(), siteType: v.siteType };
  if (v.jurisdictions.length) req.jurisdictions = [...v.jurisdictions];
  return { ok: true, value: req };
}

/** The registry edit form as typed: every field a string ('' for nothing). */
export interface RegistryValues {
  name: string;
  siteNumber: string;
  siteType: string;
  address: string;
  lat: string;
  lng: string;
  licenceNumber: string;
  licenceExpiresOn: string;
  riskGrade: string;
}

/** What the form shows for a registry entry. */
export function registryValues(r: KitchenRegistry): RegistryValues {
  return {
    name: r.name,
    siteNumber: r.siteNumber ?? '',
    siteType: r.siteType,
    address: r.address,
    lat: r.lat === null ? '' : String(r.lat),
    lng: r.lng === null ? '' : String(r.lng),
    licenceNumber: r.licenceNumber ?? '',
    licenceExpiresOn: r.licenceExpiresOn ?? '',
    riskGrade: r.riskGrade ?? '',
  };
}

/** '' → null; otherwise a finite number within ±limit, or undefined when it is not one. */
function coordinate(text: string, limit: number): number | null | undefined {
  const s = text.trim();
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined;
}

const orNull = (s: string): string | null => (s.trim() ? s.trim() : null);

/** The facts that differ from `before`, checked; an empty update when nothing changed. */
export function checkRegistryUpdate(before: KitchenRegistry, v: RegistryValues): Checked<RegistryUpdate> {
  const name = v.name.trim();
  if (!name) return bad('name', 'admin.err.required');
  const lat = coordinate(v.lat, 90);
  if (lat === undefined) return bad('lat', 'admin.err.lat');
  const lng = coordinate(v.lng, 180);
  if (lng === undefined) return bad('lng', 'admin.err.lng');
  if ((lat === null) !== (lng === null)) return bad(lat === null ? 'lat' : 'lng', 'admin.err.coordsPair');
  if (v.licenceExpiresOn && !/^\d{4}-\d{2}-\d{2}$/.test(v.licenceExpiresOn)) return bad('licenceExpiresOn', 'admin.err.date');
  const grade = orNull(v.riskGrade);
  if (grade !== null && !(RISK_GRADES as readonly string[]).includes(grade)) return bad('riskGrade', 'admin.err.riskGrade');
  if (v.siteType !== before.siteType && !isSiteType(v.siteType)) return bad('siteType', 'admin.err.siteType');

  const next: Required<RegistryUpdate> = {
    name,
    siteNumber: orNull(v.siteNumber),
    siteType: v.siteType as SiteType,
    address: v.address.trim(),
    lat,
    lng,
    licenceNumber: orNull(v.licenceNumber),
    licenceExpiresOn: orNull(v.licenceExpiresOn),
    riskGrade: grade as RiskGrade | null,
  };
  const update: RegistryUpdate = {};
  for (const key of Object.keys(next) as (keyof RegistryUpdate)[]) {
    if (next[key] !== before[key]) Object.assign(update, { [key]: next[key] });
  }
  return { ok: true, value: update };
}

export type LicenceState = 'ok' | 'soon' | 'lapsed' | 'missing';

/**
 * [FS-REG-LICENCE] A site's licence as the table shows it. The server's reminders decide
 * "soon" (the profile's lead time), so the dashboard holds no threshold of its own.
 */
export function licenceState(r: Pick<KitchenRegistry, 'licenceExpiresOn' | 'reminders'>): { state: LicenceState; daysLeft: number | null } {
  if (!r.licenceExpiresOn) return { state: 'missing', daysLeft: null };
  const reminder = r.reminders.find((x) => x.kind === 'licence');
  if (!reminder) return { state: 'ok', daysLeft: null };
  const daysLeft = reminder.daysLeft;
  return { state: daysLeft !== null && daysLeft < 0 ? 'lapsed' : 'soon', daysLeft };
}

/** Whether two id lists name the same set (a jurisdictions edit that changes nothing is not sent). */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

const SITE_TYPE_KEYS: Record<SiteType, Key> = {
  助餐服务中心: 'admin.siteType.center',
  助餐点: 'admin.siteType.point',
  中央厨房: 'admin.siteType.central',
  养老机构食堂: 'admin.siteType.care',
};

/** A site type's key for its name in the current language; null for a type the contract does not list. */
export function siteTypeKey(s: string): Key | null {
  return isSiteType(s) ? SITE_TYPE_KEYS[s] : null;
}
