import { describe, expect, it } from 'vitest';
import { fitHeight, layoutPoints, placeLabels, splitPlaced, textWidth } from './map-layout.ts';

const BOX = { width: 400, height: 300, margin: 20 };

describe('district map layout', () => {
  it('puts north up and east right, inside the margin', () => {
    const placed = layoutPoints(
      [
        { id: 'nw', lat: 23.14, lng: 113.25 },
        { id: 'se', lat: 23.1, lng: 113.3 },
      ],
      BOX,
    );
    const [nw, se] = placed;
    expect(nw!.x).toBeLessThan(se!.x);
    expect(nw!.y).toBeLessThan(se!.y);
    for (const p of placed) {
      expect(p.x).toBeGreaterThanOrEqual(20);
      expect(p.x).toBeLessThanOrEqual(380);
      expect(p.y).toBeGreaterThanOrEqual(20);
      expect(p.y).toBeLessThanOrEqual(280);
    }
  });

  it('keeps the shape: a degree of longitude is shorter than one of latitude away from the equator', () => {
    // 0.04° east and 0.04° north of a point at 60° N: the eastward step is half as long.
    const [o, e, n] = layoutPoints(
      [
        { id: 'o', lat: 60, lng: 10 },
        { id: 'e', lat: 60, lng: 10.04 },
        { id: 'n', lat: 60.04, lng: 10 },
      ],
      { width: 1000, height: 1000, margin: 0 },
    );
    const east = e!.x - o!.x;
    const north = o!.y - n!.y;
    expect(east / north).toBeCloseTo(0.5, 1);
  });

  it('centres a single site instead of dividing by a zero span', () => {
    expect(layoutPoints([{ id: 'only', lat: 23.1, lng: 113.3 }], BOX)).toEqual([{ id: 'only', x: 200, y: 150 }]);
    expect(layoutPoints([], BOX)).toEqual([]);
  });

  it('gives a flat district a flat map, within bounds', () => {
    const flat = [{ id: 'a', lat: 31.17, lng: 121.4 }, { id: 'b', lat: 31.18, lng: 121.5 }];
    const tall = [{ id: 'a', lat: 31.1, lng: 121.4 }, { id: 'b', lat: 31.3, lng: 121.41 }];
    expect(fitHeight(flat, 800, 40, 260, 520)).toBe(260);
    expect(fitHeight(tall, 800, 40, 260, 520)).toBe(520);
    expect(fitHeight([{ id: 'a', lat: 31.1, lng: 121.4 }], 800, 40, 260, 520)).toBe(260);
  });

  it('sets apart the kitchens without a usable position', () => {
    const { located, unlocated } = splitPlaced([
      { id: 'a', lat: 23.1, lng: 113.3 },
      { id: 'b', lat: null, lng: 113.3 },
      { id: 'c' },
      { id: 'd', lat: 123, lng: 0 },
    ]);
    expect(located.map((p) => p.id)).toEqual(['a']);
    expect(unlocated).toEqual(['b', 'c', 'd']);
  });
});

describe('district map labels', () => {
  it('puts a name to the right, or to the left when a neighbour\'s name is already there', () => {
    const labels = placeLabels(
      [
        { id: 'a', x: 200, y: 100, r: 10, text: '长乐社区长者饭堂' },
        { id: 'b', x: 200, y: 112, r: 10, text: '康宁社区长者饭堂' },
      ],
      { width: 800, height: 400 },
      14,
    );
    expect(labels).toEqual([
      { id: 'a', x: 215, y: 100, anchor: 'start' },
      { id: 'b', x: 185, y: 112, anchor: 'end' },
    ]);
  });

  it('keeps a name off a neighbouring marker', () => {
    // b's marker sits just right of a: a's name goes above instead of across it.
    const [a] = placeLabels(
      [
        { id: 'a', x: 100, y: 100, r: 10, text: '长乐' },
        { id: 'b', x: 130, y: 100, r: 10, text: '康宁' },
      ],
      { width: 800, height: 400 },
      14,
    );
    expect(a?.anchor).not.toBe('start');
  });

  it('leaves a name out when there is no room for it', () => {
    const crowd = [0, 1, 2, 3, 4].map((i) => ({ id: `k${i}`, x: 50, y: 20 + i * 8, r: 4, text: '饭堂' }));
    const labels = placeLabels(crowd, { width: 100, height: 60 }, 14);
    expect(labels.length).toBeLessThan(crowd.length);
    expect(labels.length).toBeGreaterThan(0);
  });

  it('measures CJK text wider than Latin', () => {
    expect(textWidth('饭堂', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBe(12);
  });
});
