// Human names for the rule IDs of the rule book (shared/domain/food-safety-rules.md),
// so an inspector reads "冷藏超温报警" and can still search the ID.
export interface RuleName {
  zh: string;
  en: string;
}

export const RULE_NAMES: Readonly<Record<string, RuleName>> = {
  'FS-COLD-WARN': { zh: '冷藏偏高预警', en: 'Chilled above target' },
  'FS-COLD-ALARM': { zh: '冷藏超温报警', en: 'Chilled above max' },
  'FS-COLD-CRIT': { zh: '冷藏严重超温', en: 'Chilled critically warm' },
  'FS-COLD-LOW': { zh: '冷藏温度过低', en: 'Chilled below 0\u00a0°C' },
  'FS-FRZ-ALARM': { zh: '冷冻超温报警', en: 'Freezer above limit' },
  'FS-DEFROST-MISS': { zh: '除霜异常', en: 'Defrost missed or too long' },
  'FS-DOOR': { zh: '柜门未关', en: 'Door left open' },
  'FS-HOT': { zh: '热保温不足', en: 'Hot holding too cool' },
  'FS-OFFLINE': { zh: '设备离线', en: 'Sensor offline' },
  'FS-CAL-DUE': { zh: '校准到期', en: 'Calibration due' },
  'FS-REG-HEALTH-CERT': { zh: '健康证到期', en: 'Health certificate due' },
  'FS-REG-LICENCE': { zh: '许可证到期', en: 'Licence due' },
  'FS-SAMPLE-WEIGHT': { zh: '留样重量不足', en: 'Sample underweight' },
  'FS-SAMPLE-MISSING': { zh: '缺少留样', en: 'Sample missing' },
  'FS-SAMPLE-EARLY': { zh: '留样提前取出', en: 'Sample removed early' },
  'FS-SAMPLE-TEMP': { zh: '留样柜温度异常', en: 'Sample cabinet out of range' },
  'FS-SAMPLE-RECORD': { zh: '留样记录不全', en: 'Sample record incomplete' },
  'FS-SAMPLE-SEAL': { zh: '留样已封存', en: 'Samples sealed' },
  'FS-CAM-OFFLINE': { zh: '摄像头离线', en: 'Camera offline' },
  'FS-CAM-RETENTION': { zh: '录像保存天数不足', en: 'Video retention too short' },
  'FS-AI-EVENT': { zh: '智能识别违规', en: 'AI-detected violation' },
};
