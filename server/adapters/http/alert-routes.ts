// REST of the alert workflow (rule book section 6): list and read alerts, acknowledge, resolve
// with the corrective action, close as the verification, comment, and read an alert's history.
// Who acts is always the logged-in person, never a name in the body.
import { Router, type Request, type Response } from 'express';
import { ALERT_STATUSES, type Alert } from '../../../contracts/api.ts';
import type { AlertHistoryEntry } from '../../../contracts/alert-workflow.ts';
import { isValidId } from '../../../contracts/topics.ts';
import type { AlertQuery } from '../sql/alerts-repo.ts';
import type { Actor, ActOutcome, AlertActions as AlertActionsImpl } from '../../app/alert-actions.ts';
import { checkCloseRequest, checkCommentRequest, checkResolveRequest, type Checked } from '../../domain/alerts/requests.ts';
import { fail } from './errors.ts';
import { access, type AccountsPort } from './auth.ts';

export type AlertActions = Pick<AlertActionsImpl, 'acknowledge' | 'resolve' | 'close' | 'comment' | 'history'>;

export interface AlertApiDeps {
  alerts: { get(id: number): Alert | undefined; list(q: AlertQuery): Alert[] };
  registry: { getKitchen(id: string): unknown };
  alertActions: AlertActions;
  accounts: AccountsPort;
}

function alertId(req: Request): number {
  const id = Number(req.params.alertId);
  if (!Number.isSafeInteger(id) || id <= 0) fail('invalid_id', 'alertId must be a positive integer');
  return id;
}

const body = <T>(checked: Checked<T>): T => (checked.ok ? checked.value : fail('invalid_body', checked.message));
const outcome = <T>(o: ActOutcome<T>): T => (o.ok ? o.value : fail(o.code, o.message));

export function createAlertRouter(deps: AlertApiDeps): Router {
  const r = Router();
  const actor = (res: Response): Actor => {
    const { username, displayName, role } = access(deps.accounts, res).user;
    return { username, displayName, role };
  };
  /** An alert the user may see, else 404 as if there were none. */
  const scopedAlert = (req: Request, res: Response): Alert => {
    const alert = deps.alerts.get(alertId(req));
    if (!alert || !access(deps.accounts, res).sees(alert.kitchenId)) fail('alert_not_found', 'no such alert');
    return alert!;
  };
  /** The alert, once the user's role allows `action` in its kitchen (403 otherwise). */
  const alertFor = (req: Request, res: Response, action: string): Alert => {
    const alert = scopedAlert(req, res);
    access(deps.accounts, res).must(action, alert.kitchenId);
    return alert;
  };

  r.get('/alerts', (req, res) => {
    const { status, kitchen } = req.query;
    if (status !== undefined && status !== 'open' && !(ALERT_STATUSES as readonly unknown[]).includes(status)) {
      fail('invalid_query', `status must be one of open, ${ALERT_STATUSES.join(', ')}`);
    }
    const who = access(deps.accounts, res);
    if (kitchen !== undefined) {
      if (typeof kitchen !== 'string' || !isValidId(kitchen)) fail('invalid_query', 'kitchen must be a valid id');
      who.kitchen(kitchen as string);
      if (!deps.registry.getKitchen(kitchen as string)) fail('kitchen_not_found', `no kitchen ${String(kitchen)}`);
    }
    res.json(who.filter(deps.alerts.list({ kitchenId: kitchen as string | undefined, kitchenIds: who.kitchenIds(), status: status as AlertQuery['status'] })));
  });
  r.get('/alerts/:alertId', (req, res) => void res.json(scopedAlert(req, res)));
  r.get('/alerts/:alertId/history', (req, res) => {
    const alert = scopedAlert(req, res);
    res.json(deps.alertActions.history(alert.id) satisfies AlertHistoryEntry[] | undefined);
  });
  r.post('/alerts/:alertId/acknowledge', (req, res) => {
    const alert = alertFor(req, res, 'alert:ack');
    res.json(outcome(deps.alertActions.acknowledge(alert.id, actor(res))));
  });
  r.post('/alerts/:alertId/resolve', (req, res) => {
    const alert = alertFor(req, res, 'alert:resolve');
    res.json(outcome(deps.alertActions.resolve(alert.id, actor(res), body(checkResolveRequest(req.body)))));
  });
  // Closing is the verification of the corrective action (rule book section 6).
  r.post('/alerts/:alertId/close', (req, res) => {
    const alert = alertFor(req, res, 'alert:close');
    res.json(outcome(deps.alertActions.close(alert.id, actor(res), body(checkCloseRequest(req.body)))));
  });
  r.post('/alerts/:alertId/comments', (req, res) => {
    const alert = alertFor(req, res, 'kitchen:read');
    res.status(201).json(outcome(deps.alertActions.comment(alert.id, actor(res), body(checkCommentRequest(req.body)))));
  });
  r.post('/alerts/:alertId/:action', (req) => fail('not_found', `no alert action ${req.params.action}`));
  return r;
}
