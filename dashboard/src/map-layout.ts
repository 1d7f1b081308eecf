// Where each kitchen goes on the district map: its lat/lng projected onto an SVG box, with no
// map tiles (the machine may be offline). An equirectangular projection with longitude scaled
// by the cosine of the mean latitude keeps a district's shape; the box is fitted with a margin.

export interface GeoPoint {
  id: string;
  lat: number;
  lng: number;
}

export interface Placed {
  id: string;
  x: number;
  y: number;
}

export interface MapBox {
  width: number;
  height: number;
  /** Kept clear on every side, so a marker and its label stay inside. */
  margin: number;
}

/** Below this span (degrees) points are spread as if the span were this: one site is not a zoom to infinity. */
const MIN_SPAN_DEG = 0.005;

const valid = (p: { lat?: number | null; lng?: number | null }): p is { lat: number; lng: number } =>
  typeof p.lat === 'number' && typeof p.lng === 'number' && Number.isFinite(p.lat) && Number.isFinite(p.lng) &&
  Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;

/** The points that have a usable position, and the ids of those that do not. */
export function splitPlaced<T extends { id: string; lat?: number | null; lng?: number | null }>(items: readonly T[]): {
  located: GeoPoint[];
  unlocated: string[];
} {
  const located: GeoPoint[] = [];
  const unlocated: string[] = [];
  for (const it of items) {
    if (valid(it)) located.push({ id: it.id, lat: it.lat, lng: it.lng });
    else unlocated.push(it.id);
  }
  return { located, unlocated };
}

/** A box height that suits the set's shape at this width (a flat district gets a flat map), within bounds. */
export function fitHeight(points: readonly GeoPoint[], width: number, margin: number, min: number, max: number): number {
  if (points.length < 2) return min;
  const meanLat = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const kx = Math.cos((meanLat * Math.PI) / 180);
  const spanX = Math.max(Math.max(...points.map((p) => p.lng)) * kx - Math.min(...points.map((p) => p.lng)) * kx, MIN_SPAN_DEG);
  const spanY = Math.max(Math.max(...points.map((p) => p.lat)) - Math.min(...points.map((p) => p.lat)), MIN_SPAN_DEG);
  const h = ((width - 2 * margin) * spanY) / spanX + 2 * margin;
  return Math.round(Math.min(max, Math.max(min, h)));
}

/** Projects the points into the box: north up, the whole set centred and as large as fits. */
export function layoutPoints(points: readonly GeoPoint[], box: MapBox): Placed[] {
  if (!points.length) return [];
  const meanLat = points.reduce((s, p) => s + p.lat, 0) / points.length;
  const kx = Math.cos((meanLat * Math.PI) / 180);
  const xs = points.map((p) => p.lng * kx);
  const ys = points.map((p) => -p.lat); // screen y grows southwards
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = Math.max(maxX - minX, MIN_SPAN_DEG);
  const spanY = Math.max(maxY - minY, MIN_SPAN_DEG);
  const innerW = Math.max(1, box.width - 2 * box.margin);
  const innerH = Math.max(1, box.height - 2 * box.margin);
  const scale = Math.min(innerW / spanX, innerH / spanY);
  // Centre the set: the unused room is split evenly on both sides.
  const offX = box.margin + (innerW - (maxX - minX) * scale) / 2;
  const offY = box.margin + (innerH - (maxY - minY) * scale) / 2;
  return points.map((p, i) => ({
    id: p.id,
    x: round(offX + (xs[i]! - minX) * scale),
    y: round(offY + (ys[i]! - minY) * scale),
  }));
}

const round = (v: number): number => Math.round(v * 10) / 10;

export interface LabelRequest {
  id: string;
  x: number;
  y: number;
  /** The marker's radius: a label keeps clear of every marker. */
  r: number;
  text: string;
}

export interface PlacedLabel {
  id: string;
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
}

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A rough width: a CJK character is about 1 em, anything else about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em * fontSize;
}

const overlaps = (a: Rect, b: Rect): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Names beside their markers without covering one another or any marker: each label, in the
 * order given (put the most important first), takes the first free place of right, left, above,
 * below, then the corners; a label with no free place is left out (the marker's tooltip still names it).
 */
export function placeLabels(requests: readonly LabelRequest[], box: Pick<MapBox, 'width' | 'height'>, fontSize: number): PlacedLabel[] {
  const taken: Rect[] = requests.map((m) => ({ x0: m.x - m.r, y0: m.y - m.r, x1: m.x + m.r, y1: m.y + m.r }));
  const out: PlacedLabel[] = [];
  const gap = 5;
  for (const m of requests) {
    const w = textWidth(m.text, fontSize);
    const h = fontSize * 1.2;
    const options: Array<{ rect: Rect; label: PlacedLabel }> = [
      { rect: { x0: m.x + m.r + gap, y0: m.y - h / 2, x1: m.x + m.r + gap + w, y1: m.y + h / 2 }, label: { id: m.id, x: m.x + m.r + gap, y: m.y, anchor: 'start' } },
      { rect: { x0: m.x - m.r - gap - w, y0: m.y - h / 2, x1: m.x - m.r - gap, y1: m.y + h / 2 }, label: { id: m.id, x: m.x - m.r - gap, y: m.y, anchor: 'end' } },
      { rect: { x0: m.x - w / 2, y0: m.y - m.r - gap - h, x1: m.x + w / 2, y1: m.y - m.r - gap }, label: { id: m.id, x: m.x, y: m.y - m.r - gap - h / 2, anchor: 'middle' } },
      { rect: { x0: m.x - w / 2, y0: m.y + m.r + gap, x1: m.x + w / 2, y1: m.y + m.r + gap + h }, label: { id: m.id, x: m.x, y: m.y + m.r + gap + h / 2, anchor: 'middle' } },
      // Then the corners, for a crowded spot.
      ...[1, -1].flatMap((dy) => [
        { rect: { x0: m.x, y0: dy > 0 ? m.y + m.r : m.y - m.r - h, x1: m.x + w, y1: dy > 0 ? m.y + m.r + h : m.y - m.r }, label: { id: m.id, x: m.x, y: m.y + dy * (m.r + h / 2), anchor: 'start' as const } },
        { rect: { x0: m.x - w, y0: dy > 0 ? m.y + m.r : m.y - m.r - h, x1: m.x, y1: dy > 0 ? m.y + m.r + h : m.y - m.r }, label: { id: m.id, x: m.x, y: m.y + dy * (m.r + h / 2), anchor: 'end' as const } },
      ]),
    ];
    const inside = (r: Rect): boolean => r.x0 >= 0 && r.y0 >= 0 && r.x1 <= box.width && r.y1 <= box.height;
    const free = options.find((o) => inside(o.rect) && !taken.some((t) => overlaps(t, o.rect)));
    if (!free) continue;
    taken.push(free.rect);
    out.push(free.label);
  }
  return out;
}
