// What a unit or an alert's subject is called: a unit, a camera, a food sample or a registry item.
import { h } from '../dom.ts';
import { formatAge, formatTempValue } from '../format.ts';
import { getLang, t } from '../i18n.ts';
import { kitchenHref } from '../route.ts';
import { hasCameraIssue, hasSampleIssue } from '../samples.ts';
import type { KitchenView, UnitView } from '../summary.ts';
import { readingBadges, stateChip } from './chips.ts';
import { unitKey, type State } from '../store.ts';
import { cameraKey } from '../bright-kitchen.ts';

/** A unit's name; for a food-sample alert, its subject (the server's `menu:<date>:<meal>:<dish>` or `sample-<id>`);
 *  for a bright-kitchen alert, its camera. */
export function unitName(unit: Pick<UnitView, 'device' | 'deviceId'> & { camera?: { name: string } }): string {
  if (unit.device) return unit.device.name;
  if (unit.camera) return t('alerts.camera', { name: unit.camera.name });
  const menu = /^menu:(\d{4}-\d{2}-\d{2}):(breakfast|lunch|dinner):(.+)$/.exec(unit.deviceId);
  if (menu) return t('samples.subjectDish', { dish: menu[3]!, date: menu[1]!, meal: t(`meal.${menu[2]}` as never) });
  const sample = /^sample-(\d+)$/.exec(unit.deviceId);
  if (sample) return t('samples.subjectSample', { id: sample[1]! });
  return unit.deviceId;
}

/** What an alert is about, by name: its unit, its camera, or its sample subject. */
export function alertSubjectName(state: Pick<State, 'devices' | 'cameras'>, a: { kitchenId: string; deviceId: string; message?: string }): string {
  const name = unitName({ device: state.devices.get(unitKey(a.kitchenId, a.deviceId)), deviceId: a.deviceId, camera: state.cameras.get(cameraKey(a.kitchenId, a.deviceId)) });
  return name === a.deviceId && a.message ? (registrySubject(a.deviceId, a.message) ?? name) : name;
}

/**
 * A registry reminder's subject (a staff member, the licence) by name. The server's message
 * starts "<name> (<subject>): …", so the name is read from there; the licence has its own word.
 */
function registrySubject(subject: string, message: string): string | null {
  if (subject === 'licence') return t('reg.kind.licence');
  if (!/^staff[-:]\d+$/.test(subject)) return null; // other messages are the engine's English
  const prefix = ` (${subject}):`;
  const at = message.indexOf(prefix);
  return at > 0 ? message.slice(0, at) : null;
}
