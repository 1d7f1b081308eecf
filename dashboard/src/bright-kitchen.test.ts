import { afterEach, describe, expect, it } from 'vitest';
import { AI_CATEGORIES, CAMERA_AREAS } from '../../contracts/cameras.ts';
import {
  aiCategoryName,
  areaName,
  formatBitrate,
  formatConfidence,
  formatFps,
  formatUptime,
  isNewerAiEvent,
  latencyRequested,
  mergeAiEvents,
  newestAiFirst,
  pageParams,
  retentionShort,
  sortCameras,
  videoUrl,
} from './bright-kitchen.ts';
import { setLang } from './i18n.ts';
import { aiEvent, camera } from './test-fixtures.ts';

afterEach(() => setLang('zh-CN'));

describe('camera health in words', () => {
  it('formats today\'s uptime, with a dash before the first service minute', () => {
    expect(formatUptime(null)).toBe('—');
    expect(formatUptime(100)).toBe('100%');
    expect(formatUptime(0)).toBe('0%');
    expect(formatUptime(98.54)).toBe('98.5%');
    expect(formatUptime(99.96)).toBe('100%');
    expect(formatUptime(101)).toBe('100%');
  });

  it('formats the bitrate and frame rate', () => {
    expect(formatBitrate(null)).toBe('—');
    expect(formatBitrate(800)).toBe('800 kbps');
    expect(formatBitrate(1460)).toBe('1.5 Mbps');
    expect(formatFps(null)).toBe('—');
    expect(formatFps(15)).toBe('15 fps');
    expect(formatFps(12.46)).toBe('12.5 fps');
    expect(formatConfidence(0.915)).toBe('92%');
  });

  it('[FS-CAM-RETENTION] flags a recorder that keeps fewer days than required', () => {
    expect(retentionShort({ recorderDays: 5, requiredRetentionDays: 30 })).toBe(true);
    expect(retentionShort({ recorderDays: 30, requiredRetentionDays: 30 })).toBe(false);
    expect(retentionShort({ recorderDays: null, requiredRetentionDays: 30 })).toBe(false); // unknown is not a finding
  });
});

describe('names', () => {
  it('names every AI category and area in both languages, each differently', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      setLang(lang);
      const cats = AI_CATEGORIES.map(aiCategoryName);
      const areas = CAMERA_AREAS.map(areaName);
      expect(new Set(cats).size).toBe(AI_CATEGORIES.length);
      expect(new Set(areas).size).toBe(CAMERA_AREAS.length);
      for (const name of [...cats, ...areas]) expect(name).not.toMatch(/^(ai|area)\./);
    }
    setLang('zh-CN');
    expect(aiCategoryName('no_mask')).toBe('未戴口罩');
    expect(aiCategoryName('bin_open')).toBe('垃圾桶未加盖');
    expect(areaName('cold_prep')).toBe('凉菜间');
  });
});

describe('cameras in order', () => {
  it('sorts by kitchen name, then the rule book\'s area order, then name', () => {
    const names: Record<string, string> = { a: '幸福里', b: '安康' };
    const sorted = sortCameras(
      [camera('a', 'c3', { area: 'washing' }), camera('a', 'c1', { area: 'cold_prep' }), camera('b', 'c9', { area: 'other' }), camera('a', 'c2', { area: 'cold_prep', name: 'c0' })],
      (id) => names[id] ?? id,
    );
    expect(sorted.map((c) => `${c.kitchenId}/${c.cameraId}`)).toEqual(['b/c9', 'a/c2', 'a/c1', 'a/c3']);
  });

  it('opens the stream on the page\'s own host, ws or wss as the page', () => {
    expect(videoUrl('/video/k001/cam-1', 'http://10.0.0.5:8080/#/wall')).toBe('ws://10.0.0.5:8080/video/k001/cam-1');
    expect(videoUrl('/video/k001/cam%201', 'https://kcw.example.cn/app/?x=1#/kitchen/k001')).toBe('wss://kcw.example.cn/video/k001/cam%201');
  });
});

describe('AI events, newest wins', () => {
  const T = (m: number) => new Date(Date.UTC(2024, 10, 22, 2, m)).toISOString();

  it('takes a repeat detection and a review, never an older copy', () => {
    const first = aiEvent(1, { lastDetectedAt: T(0) });
    const repeat = aiEvent(1, { lastDetectedAt: T(3), detections: 2 });
    expect(isNewerAiEvent(undefined, first)).toBe(true);
    expect(isNewerAiEvent(first, repeat)).toBe(true);
    expect(isNewerAiEvent(repeat, first)).toBe(false);
    const reviewed = aiEvent(1, { lastDetectedAt: T(3), detections: 2, review: 'confirmed', reviewedBy: '张三', reviewedAt: T(5) });
    expect(isNewerAiEvent(repeat, reviewed)).toBe(true);
  });

  it('keeps a review even when a later repeat arrives still pending', () => {
    const reviewed = aiEvent(1, { review: 'rejected', reviewedAt: T(5), lastDetectedAt: T(1) });
    expect(isNewerAiEvent(reviewed, aiEvent(1, { lastDetectedAt: T(8), detections: 3 }))).toBe(false);
  });

  it('merges without copying when nothing changes, and keeps only the newest', () => {
    const held = mergeAiEvents(new Map(), [aiEvent(1, { detectedAt: T(1) }), aiEvent(2, { detectedAt: T(2) })], 10);
    expect(mergeAiEvents(held, [aiEvent(1, { detectedAt: T(1) })], 10)).toBe(held);
    const capped = mergeAiEvents(held, [aiEvent(3, { detectedAt: T(3) })], 2);
    expect([...capped.keys()].sort()).toEqual([2, 3]);
    expect(newestAiFirst(capped.values()).map((e) => e.id)).toEqual([3, 2]);
  });
});

describe('page parameters', () => {
  it('reads latency=1 from the query or from the hash route\'s query', () => {
    expect(latencyRequested('http://h/#/wall?latency=1')).toBe(true);
    expect(latencyRequested('http://h/?latency=1#/kitchen/k1')).toBe(true);
    expect(latencyRequested('http://h/#/kitchen/k1?play=cam-1')).toBe(false);
    expect(pageParams('http://h/?play=a#/kitchen/k1?play=cam-2').get('play')).toBe('cam-2');
  });
});
