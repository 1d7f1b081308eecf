// The bright kitchen (明厨亮灶), pure parts: cameras in display order, their health in words,
// the live stream's address, and AI events merged newest-wins. No DOM here, so it is tested directly.
import type { AiEventDto, CameraDto } from '../../contracts/camera-api.ts';
import type { AiCategory, CameraArea } from '../../contracts/cameras.ts';
import { t } from './i18n.ts';

export const cameraKey = (kitchenId: string, cameraId: string): string => `${kitchenId}/${cameraId}`;

/** The rule book's order of the key areas (section 5). A type-checked table rather than the
 *  contract's CAMERA_AREAS, whose module would bring TypeBox (~40 kB) into the browser bundle. */
const AREA_ORDER: Readonly<Record<CameraArea, number>> = {
  cold_prep: 0,
  raw_prep: 1,
  cooking: 2,
  washing: 3,
  sample: 4,
  serving: 5,
  storage: 6,
  other: 7,
};

/** A kitchen's cameras (or all, by kitchen) in the rule book's area order, then by name. */
export function sortCameras(cameras: Iterable<CameraDto>, kitchenName: (id: string) => string = (id) => id): CameraDto[] {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return [...cameras].sort(
    (a, b) =>
      collator.compare(kitchenName(a.kitchenId), kitchenName(b.kitchenId)) ||
      a.kitchenId.localeCompare(b.kitchenId) ||
      (AREA_ORDER[a.area] ?? 99) - (AREA_ORDER[b.area] ?? 99) ||
      collator.compare(a.name, b.name) ||
      a.cameraId.localeCompare(b.cameraId),
  );
}

export function camerasOfKitchen(cameras: Iterable<CameraDto>, kitchenId: string): CameraDto[] {
  return sortCameras([...cameras].filter((c) => c.kitchenId === kitchenId));
}

export function cameraCounts(cameras: readonly CameraDto[]): { total: number; online: number } {
  return { total: cameras.length, online: cameras.filter((c) => c.online).length };
}

/** The stream's WebSocket address on the page's own host: ws: for http:, wss: for https:. */
export function videoUrl(streamPath: string, pageUrl: string): string {
  const url = new URL(streamPath, pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  return url.href;
}

/** "98.5%"; "100%" and "0%" without a decimal; "—" before the first service minute of the day. */
export function formatUptime(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return '—';
  const p = Math.min(100, Math.max(0, percent));
  const text = p.toFixed(1);
  return `${text.endsWith('.0') ? text.slice(0, -2) : text}%`;
}

/** "800 kbps", "1.2 Mbps", "—". */
export function formatBitrate(kbps: number | null): string {
  if (kbps === null || !Number.isFinite(kbps)) return '—';
  return kbps >= 1000 ? `${(kbps / 1000).toFixed(1)} Mbps` : `${Math.round(kbps)} kbps`;
}

export function formatFps(fps: number | null): string {
  if (fps === null || !Number.isFinite(fps)) return '—';
  return `${Math.round(fps * 10) / 10} fps`;
}

/** FS-CAM-RETENTION: the recorder keeps fewer days than the jurisdiction requires. */
export function retentionShort(camera: Pick<CameraDto, 'recorderDays' | 'requiredRetentionDays'>): boolean {
  return camera.recorderDays !== null && camera.recorderDays < camera.requiredRetentionDays;
}

export function areaName(area: CameraArea): string {
  return t(`area.${area}`);
}

export function aiCategoryName(category: AiCategory): string {
  return t(`ai.cat.${category}`);
}

/** "92%" from 0.92. */
export function formatConfidence(confidence: number): string {
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

/** The latest moment an AI event record changed: a repeat detection or its review. */
export function aiEventChangedAt(e: AiEventDto): number {
  return Math.max(Date.parse(e.lastDetectedAt) || 0, e.reviewedAt ? Date.parse(e.reviewedAt) || 0 : 0);
}

/** Whether `next` should replace `prev`: a review is final, and an older copy never overwrites a newer one. */
export function isNewerAiEvent(prev: AiEventDto | undefined, next: AiEventDto): boolean {
  if (!prev) return true;
  if (prev.review !== 'pending' && next.review === 'pending') return false;
  const a = aiEventChangedAt(prev);
  const b = aiEventChangedAt(next);
  if (a !== b) return b > a;
  if (next.detections !== prev.detections) return next.detections > prev.detections;
  // Same moment: the copy that arrived later wins, unless it is the same (no change to announce).
  return JSON.stringify(prev) !== JSON.stringify(next);
}

/** Newest first: by first detection, then id. */
export function newestAiFirst(events: Iterable<AiEventDto>): AiEventDto[] {
  return [...events].sort((a, b) => Date.parse(b.detectedAt) - Date.parse(a.detectedAt) || b.id - a.id);
}

/** Merges events into a copy of `held`, keeping at most `max` (the newest), so a wall left on for days stays small. */
export function mergeAiEvents(
  held: ReadonlyMap<number, AiEventDto>,
  events: readonly AiEventDto[],
  max: number,
): ReadonlyMap<number, AiEventDto> {
  let out: Map<number, AiEventDto> | null = null;
  for (const e of events) {
    if (!isNewerAiEvent((out ?? held).get(e.id), e)) continue;
    out ??= new Map(held);
    out.set(e.id, e);
  }
  if (!out) return held;
  if (out.size <= max) return out;
  return new Map(newestAiFirst(out.values()).slice(0, max).map((e) => [e.id, e]));
}

/** `latency=1` in the page's query or in the hash's query (`#/wall?latency=1`). */
export function latencyRequested(href: string): boolean {
  return pageParams(href).get('latency') === '1';
}

/** The query of the page and of its hash route together (the hash's wins). */
export function pageParams(href: string): URLSearchParams {
  const url = new URL(href);
  const params = new URLSearchParams(url.search);
  const q = url.hash.indexOf('?');
  if (q >= 0) for (const [k, v] of new URLSearchParams(url.hash.slice(q + 1))) params.set(k, v);
  return params;
}
