// What a person does to an alert: acknowledge, resolve, close. Each act that
// changes the alert is pushed live.
import type { Alert } from '../../contracts/api.ts';
import type { AlertsRepo } from '../adapters/sql/alerts-repo.ts';

export function createAlertActions(deps: {
  alerts: AlertsRepo;
  now(): number;
  emit(event: 'alert:updated', alert: Alert): void;
}) {
  function act(id: number, run: () => Alert | undefined): Alert | undefined {
    const before = deps.alerts.get(id);
    const after = run();
    if (after && before && after.status !== before.status) deps.emit('alert:updated', after);
    return after;
  }
  return {
    acknowledge: (id: number, by: string) => act(id, () => deps.alerts.acknowledge(id, by, deps.now())),
    resolve: (id: number) => act(id, () => deps.alerts.resolve(id, deps.now())),
    close: (id: number) => act(id, () => deps.alerts.close(id, deps.now())),
  };
}
