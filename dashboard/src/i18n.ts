// All UI strings, Simplified Chinese first (the default) and English second.
// The choice is remembered in localStorage; the app re-renders on change.
import { RULE_NAMES } from './rule-names.ts';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'kcw.lang';

const zh = {
  'app.name': '食安冷链监测',
  'app.scope': '长者饭堂',
  'app.district': '辖区总览',
  'lang.toggle': 'English',
  'lang.toggleLabel': 'Switch to English',
  'conn.connecting': '正在连接…',
  'conn.online': '实时',
  'conn.offline': '已断开',
  'conn.reconnecting': '与服务器的连接中断，正在重连…',
  'conn.staleNote': '数据可能不是最新',
  'stats.kitchens': '饭堂',
  'stats.units': '冷柜',
  'stats.inAlarm': '报警中',
  'stats.offline': '离线',
  'stats.openAlerts': '未结告警',
  'state.ok': '正常',
  'state.warning': '预警',
  'state.alarm': '报警',
  'state.critical': '严重',
  'state.offline': '离线',
  'state.unknown': '无数据',
  'severity.warning': '预警',
  'severity.alarm': '报警',
  'severity.critical': '严重',
  'status.active': '待处理',
  'status.acknowledged': '已确认',
  'status.resolved': '已恢复',
  'status.closed': '已关闭',
  'kind.chiller': '冷藏',
  'kind.freezer': '冷冻',
  'kind.coldroom': '冷库',
  'kind.sample_cabinet': '留样柜',
  'badge.door': '门开',
  'badge.defrost': '除霜',
  'age.now': '刚刚',
  'age.sec': '{n} 秒前',
  'age.min': '{n} 分钟前',
  'age.hour': '{n} 小时前',
  'age.day': '{n} 天前',
  'card.updated': '更新于 {age}',
  'card.noData': '暂无数据',
  'card.openAlerts': '{n} 条未结告警',
  'card.openAlertsOne': '1 条未结告警',
  'feed.title': '实时告警',
  'feed.empty': '暂无告警',
  'feed.peak': '峰值 {v}',
  'district.title': '辖区饭堂',
  'district.sortNote': '异常饭堂优先',
  'district.loading': '正在加载辖区数据…',
  'district.empty': '辖区内暂无饭堂',
  'kitchen.back': '返回辖区总览',
  'kitchen.notFound': '未找到该饭堂',
  'kitchen.loadError': '加载失败：{msg}',
  'kitchen.district': '所属辖区',
  'kitchen.address': '地址',
  'kitchen.siteType': '场所类型',
  'kitchen.profile': '执行标准',
  'kitchen.timezone': '时区',
  'kitchen.units': '监测设备',
  'kitchen.charts': '近 24 小时温度',
  'kitchen.alerts': '告警记录',
  'kitchen.noAlerts': '近期无告警',
  'chart.loading': '正在加载曲线…',
  'chart.noData': '近 24 小时无数据',
  'chart.time': '时间',
  'chart.temp': '温度',
  'chart.min': '最低',
  'chart.max': '最高',
  'chart.limitMax': '上限 {v}',
  'chart.limitMin': '下限 {v}',
  'chart.limitTarget': '目标 {v}',
  'chart.now': '当前',
  'unit.interval': '每 {n} 秒上报',
  'alerts.severity': '级别',
  'alerts.rule': '规则',
  'alerts.unit': '设备',
  'alerts.firstOut': '首次超限',
  'alerts.raised': '告警时间',
  'alerts.peak': '峰值',
  'alerts.minutesOut': '超限时长',
  'alerts.status': '状态',
  'alerts.minutes': '{n} 分钟',
  'alerts.ackBy': '{who} 确认',
  'alerts.cleared': '{t} 恢复',
  'error.network': '网络错误',
  'samples.title': '今日留样',
  'samples.subjectDish': '留样 · {dish}（{date} {meal}）',
  'samples.subjectSample': '留样 #{id}',
  'samples.loading': '正在加载留样…',
  'samples.titleDay': '留样记录',
  'samples.noMenu': '今日未设置菜单',
  'samples.noMenuDay': '当日未设置菜单',
  'samples.prevDay': '前一天',
  'samples.nextDay': '后一天',
  'samples.today': '今天',
  'samples.dayNav': '切换日期',
  'samples.error': '留样数据加载失败',
  'samples.dish': '菜品',
  'samples.weight': '重量',
  'samples.placed': '留样时间',
  'samples.retention': '48 小时',
  'samples.status': '状态',
  'samples.starts': '{t} 开餐',
  'samples.extra': '菜单外',
  'samples.noSample': '—',
  'samples.issue': '留样异常',
  'meal.breakfast': '早餐',
  'meal.lunch': '午餐',
  'meal.dinner': '晚餐',
  'sample.status.ok': '合格',
  'sample.status.marginal': '临界',
  'sample.status.light': '不足 125 g',
  'sample.status.missing': '未留样',
  'sample.status.removed-early': '提前取出',
  'sample.status.compromised': '温度超标',
  'sample.status.sealed': '已封存',
  'sample.status.disposed': '已处置',
  'sample.status.pending': '待留样',
  'sample.retention.hoursLeft': '剩 {n} 小时',
  'sample.retention.minLeft': '剩 {n} 分钟',
  'sample.retention.done': '已满 48 小时',
} as const;

export type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'app.name': 'Cold-Chain Food Safety',
  'app.scope': 'Elderly Canteens',
  'app.district': 'District overview',
  'lang.toggle': '中文',
  'lang.toggleLabel': '切换到中文',
  'conn.connecting': 'Connecting…',
  'conn.online': 'Live',
  'conn.offline': 'Disconnected',
  'conn.reconnecting': 'Connection to the server lost, reconnecting…',
  'conn.staleNote': 'Data may be out of date',
  'stats.kitchens': 'Kitchens',
  'stats.units': 'Units',
  'stats.inAlarm': 'In alarm',
  'stats.offline': 'Offline',
  'stats.openAlerts': 'Open alerts',
  'state.ok': 'OK',
  'state.warning': 'Warning',
  'state.alarm': 'Alarm',
  'state.critical': 'Critical',
  'state.offline': 'Offline',
  'state.unknown': 'No data',
  'severity.warning': 'Warning',
  'severity.alarm': 'Alarm',
  'severity.critical': 'Critical',
  'status.active': 'Active',
  'status.acknowledged': 'Acknowledged',
  'status.resolved': 'Resolved',
  'status.closed': 'Closed',
  'kind.chiller': 'Chiller',
  'kind.freezer': 'Freezer',
  'kind.coldroom': 'Cold room',
  'kind.sample_cabinet': 'Sample cabinet',
  'badge.door': 'Door open',
  'badge.defrost': 'Defrost',
  'age.now': 'just now',
  'age.sec': '{n} s ago',
  'age.min': '{n} min ago',
  'age.hour': '{n} h ago',
  'age.day': '{n} d ago',
  'card.updated': 'Updated {age}',
  'card.noData': 'No data yet',
  'card.openAlerts': '{n} open alerts',
  'card.openAlertsOne': '1 open alert',
  'feed.title': 'Live alerts',
  'feed.empty': 'No alerts',
  'feed.peak': 'Peak {v}',
  'district.title': 'Kitchens in the district',
  'district.sortNote': 'Problems first',
  'district.loading': 'Loading the district…',
  'district.empty': 'No kitchens in this district',
  'kitchen.back': 'Back to the district',
  'kitchen.notFound': 'Kitchen not found',
  'kitchen.loadError': 'Could not load: {msg}',
  'kitchen.district': 'District',
  'kitchen.address': 'Address',
  'kitchen.siteType': 'Site type',
  'kitchen.profile': 'Rule profile',
  'kitchen.timezone': 'Time zone',
  'kitchen.units': 'Monitored units',
  'kitchen.charts': 'Last 24 hours',
  'kitchen.alerts': 'Alerts',
  'kitchen.noAlerts': 'No recent alerts',
  'chart.loading': 'Loading chart…',
  'chart.noData': 'No data in the last 24 h',
  'chart.time': 'Time',
  'chart.temp': 'Temperature',
  'chart.min': 'Min',
  'chart.max': 'Max',
  'chart.limitMax': 'Max {v}',
  'chart.limitMin': 'Min {v}',
  'chart.limitTarget': 'Target {v}',
  'chart.now': 'Now',
  'unit.interval': 'Reports every {n} s',
  'alerts.severity': 'Severity',
  'alerts.rule': 'Rule',
  'alerts.unit': 'Unit',
  'alerts.firstOut': 'First out',
  'alerts.raised': 'Raised',
  'alerts.peak': 'Peak',
  'alerts.minutesOut': 'Time out',
  'alerts.status': 'Status',
  'alerts.minutes': '{n} min',
  'alerts.ackBy': 'Ack. by {who}',
  'alerts.cleared': 'Back in range {t}',
  'error.network': 'Network error',
  'samples.title': "Today's samples",
  'samples.subjectDish': 'Sample · {dish} ({date} {meal})',
  'samples.subjectSample': 'Sample #{id}',
  'samples.loading': 'Loading samples…',
  'samples.titleDay': 'Samples',
  'samples.noMenu': 'No menu set for today',
  'samples.noMenuDay': 'No menu set for this day',
  'samples.prevDay': 'Previous day',
  'samples.nextDay': 'Next day',
  'samples.today': 'Today',
  'samples.dayNav': 'Choose the day',
  'samples.error': 'Could not load the samples',
  'samples.dish': 'Dish',
  'samples.weight': 'Weight',
  'samples.placed': 'Placed',
  'samples.retention': '48 h',
  'samples.status': 'Status',
  'samples.starts': 'Starts {t}',
  'samples.extra': 'Not on menu',
  'samples.noSample': '—',
  'samples.issue': 'Sample issue',
  'meal.breakfast': 'Breakfast',
  'meal.lunch': 'Lunch',
  'meal.dinner': 'Dinner',
  'sample.status.ok': 'OK',
  'sample.status.marginal': 'Marginal',
  'sample.status.light': 'Under 125 g',
  'sample.status.missing': 'Missing',
  'sample.status.removed-early': 'Removed early',
  'sample.status.compromised': 'Temp. exceeded',
  'sample.status.sealed': 'Sealed',
  'sample.status.disposed': 'Disposed',
  'sample.status.pending': 'Pending',
  'sample.retention.hoursLeft': '{n} h left',
  'sample.retention.minLeft': '{n} min left',
  'sample.retention.done': '48 h reached',
};

const TABLES: Record<Lang, Record<Key, string>> = { 'zh-CN': zh, en };

let current: Lang = readStoredLang();
const listeners = new Set<(lang: Lang) => void>();

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage blocked (private mode): the default still works
  }
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered; the choice still applies to this page
  }
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(key: Key, vars?: Record<string, string | number>): string {
  const text = TABLES[current][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The human name of a rule ID from the rule book, in the current language; the ID itself if unknown. */
export function ruleName(ruleId: string): string {
  const names = RULE_NAMES[ruleId];
  if (!names) return ruleId;
  return current === 'en' ? names.en : names.zh;
}
