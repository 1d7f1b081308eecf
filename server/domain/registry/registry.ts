// The registry's pure rules (rule book sections 3 and 8): FS-CAL-DUE, FS-REG-HEALTH-CERT and
// FS-REG-LICENCE, and the reconciliation of their reminders with the alerts they keep.
export * from './types.ts';
export { addDays, addMonths, daysBetween, isCalendarDate } from './dates.ts';
export { calibrationState, type UnitCalibrationState } from './calibration.ts';
export { healthCertReminder } from './health-cert.ts';
export { licenceReminder } from './licence.ts';
export { SYSTEM_ACTOR, reconcileReminders, registryReminders, reminderMessage, type ReminderAction, type RegistryAlertRef, type TimedReminder } from './reminders.ts';
