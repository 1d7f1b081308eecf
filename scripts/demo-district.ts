// The simulated demo district: N community canteens, each with one gateway,
// two chillers, a freezer and a food-sample cabinet. Deterministic, so a second start finds the same
// kitchens, gateways and devices again.
import type { Kitchen } from '../contracts/api.ts';
import type { GatewayDevice } from '../gateway/device-driver.ts';

const PLACES = ['幸福里', '和平', '长乐', '康宁', '福寿', '安康', '春晖', '松鹤', '夕阳红', '金秋',
  '百合', '枫林', '明德', '仁和', '龙华', '滨江', '新桥', '桂花', '南湖', '东升'];
const STREETS = ['中山路', '人民路', '解放路', '建设路', '和平街', '文化路', '新华路', '胜利路'];
const SITE_TYPES = ['助餐服务中心', '长者饭堂', '助餐点', '养老机构食堂', '中央厨房'] as const;

export interface DemoKitchen {
  kitchen: Kitchen;
  gatewayId: string;
  devices: GatewayDevice[];
}

const pad = (n: number) => String(n).padStart(3, '0');

function devicesOf(kitchenIndex: number): GatewayDevice[] {
  return [
    { device: 'chiller-1', kind: 'chiller', name: '冷藏柜 1 · 主食材', probe: 'buffered', reportIntervalS: 10, unitId: 1,
      defrostIntervalMin: 360, defrostMaxMin: 40 },
    { device: 'chiller-2', kind: 'chiller', name: '冷藏柜 2 · 熟食/留样', probe: kitchenIndex % 2 ? 'air' : 'buffered', reportIntervalS: 10, unitId: 2,
      defrostIntervalMin: 360, defrostMaxMin: 40 },
    { device: 'freezer-1', kind: 'freezer', name: '冷冻柜', probe: 'air', reportIntervalS: 10, unitId: 3,
      defrostIntervalMin: 480, defrostMaxMin: 45 },
    // The food-sample (留样) cabinet: a refrigerated unit whose scale the gateway also reads.
    { device: 'samples-1', kind: 'sample_cabinet', name: '留样柜', probe: 'air', reportIntervalS: 10, unitId: 4,
      defrostIntervalMin: 360, defrostMaxMin: 40 },
  ];
}

export function demoDistrict(count: number): DemoKitchen[] {
  return Array.from({ length: count }, (_, i) => {
    const place = PLACES[i % PLACES.length]! + (i >= PLACES.length ? String(Math.floor(i / PLACES.length) + 1) : '');
    const siteType = SITE_TYPES[i % SITE_TYPES.length]!;
    return {
      kitchen: {
        id: `k${pad(i + 1)}`,
        name: `${place}社区长者饭堂`,
        district: '示范区',
        address: `${STREETS[i % STREETS.length]}${(i * 37) % 400 + 1}号`,
        siteType,
        timezone: 'Asia/Shanghai',
        profile: 'CN-GB31654',
      },
      gatewayId: `gw-k${pad(i + 1)}`,
      devices: devicesOf(i),
    };
  });
}
