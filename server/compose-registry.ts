// The composition of the registry (rule book sections 1, 3 and 8, decision 0010): site facts, staff
// certificates, calibrations, inspections, their reminders as alerts, and gateway provisioning.
// Part of create-server.ts.
import type { Logger } from 'pino';
import type { Alert } from '../contracts/api.ts';
import type { Clock } from '../contracts/clock.ts';
import type { Db } from './adapters/sql/database.ts';
import type { AlertsRepo } from './adapters/sql/alerts-repo.ts';
import type { RegistryRepo } from './adapters/sql/registry-repo.ts';
import { createRegistryFactsRepo } from './adapters/sql/registry-facts-repo.ts';
import { createStaffRepo } from './adapters/sql/staff-repo.ts';
import { createCalibrationsRepo } from './adapters/sql/calibrations-repo.ts';
import type { AuditPort } from './app/audit.ts';
import type { Accounts } from './app/accounts.ts';
import type { Metrics } from './app/metrics.ts';
import { createRegistryReminders } from './app/registry-reminders.ts';
import { createRegistry } from './app/registry.ts';
import { createProvisioning } from './app/registry-provisioning.ts';
import type { ServerOptions } from './server-options.ts';

export interface RegistryDeps {
  opts: ServerOptions;
  db: Db;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  alerts: AlertsRepo;
  audit: AuditPort;
  registry: RegistryRepo;
  accounts: Accounts;
  emitAlert(event: 'alert:raised' | 'alert:updated', alert: Alert): void;
}

export function composeRegistry({ opts, db, clock, log, metrics, alerts, audit, registry, accounts, emitAlert }: RegistryDeps) {
const registryFacts = createRegistryFactsRepo(db);
const staff = createStaffRepo(db);
const calibrations = createCalibrationsRepo(db);
const registryReminders = createRegistryReminders({
  registry, facts: registryFacts, staff, calibrations, alerts, audit, now: () => clock.now(), emitAlert,
  onRaised: (rule) => metrics.alertsRaised.inc({ rule }),
  onCheckFailed: (kitchenId, err) => log.error({ err, kitchenId }, 'registry reminder check failed'),
});
const siteRegistry = createRegistry({
  registry, facts: registryFacts, staff, calibrations, reminders: registryReminders, audit, now: () => clock.now(),
  jurisdictions: {
    ofKitchen: (k) => accounts.jurisdictionsOfKitchen(k).map((id) => ({ id, name: accounts.jurisdiction(id)?.name ?? id })),
    exists: (id) => accounts.jurisdiction(id) !== undefined,
    link: (k, j, by) => accounts.linkKitchen(k, j, by),
  },
});
const provisioning = createProvisioning({ credentialsPath: opts.credentialsPath, cost: opts.passwordCost, mqttPublicUrl: opts.mqttPublicUrl, audit });
  return { registryFacts, staff, calibrations, registryReminders, siteRegistry, provisioning };
}
