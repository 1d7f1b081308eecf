// The bright-kitchen (明厨亮灶) core's public face (rule book section 5). Pure: no I/O and
// no clock; every function that needs the time takes `now`.
export { inService, serviceInstantAfter, serviceMsBetween, serviceWindows } from './windows.ts';
export { offlineEvents, offlineStatus, type OfflineInput, type OfflineStatus } from './offline.ts';
export { onlineSpans, uptime, type Uptime } from './uptime.ts';
export { requiredRetentionDays, retentionEvents, retentionVerdict, type RetentionInput, type RetentionVerdict } from './retention.ts';
export {
  AI_CATEGORY_TEXT, AI_EVENT_SEVERITY, aiAlertMessage, countConfirmed, dedupDetection, dedupWindowMs, joinsGroup, reviewDecision,
  type DedupOutcome, type ReviewDecision,
} from './ai-events.ts';
export { CAMERA_RULE_SEVERITY, MS_PER_MIN } from './params.ts';
export * from './types.ts';
