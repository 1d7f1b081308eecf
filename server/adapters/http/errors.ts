// Stable API error codes, mapped to HTTP in one place. docs/errors.md lists the
// same codes; a test keeps the two in sync.
import type { ErrorRequestHandler } from 'express';

export const API_ERRORS = {
  invalid_id: { status: 400, meaning: 'A kitchen, device, alert, staff or user id in the path is malformed.' },
  invalid_query: { status: 400, meaning: 'A query parameter is missing or malformed.' },
  invalid_time_range: { status: 400, meaning: '`from`/`to` are not ISO 8601 times, or `from` is not before `to`.' },
  range_too_long: { status: 400, meaning: 'The series range exceeds the maximum (31 days).' },
  invalid_body: { status: 400, meaning: 'The JSON body is malformed or lacks a required field (a discarded or moved disposition needs a quantity, a kept one a reason).' },
  invalid_user: { status: 400, meaning: 'A user account is malformed (username, role, kitchen or jurisdictions).' },
  weak_password: { status: 400, meaning: 'The password is shorter than 10 characters.' },
  invalid_jurisdiction: { status: 400, meaning: 'A jurisdiction is malformed, its parent is missing or not above it, or it would make a loop.' },
  invalid_channel: { status: 400, meaning: 'A notification channel is malformed: a webhook, WeCom or DingTalk target that is not an http(s) URL, carries a user name or password, points at a private, loopback or link-local address, or (WeCom, DingTalk) is not the robot\'s official endpoint, unless NOTIFY_ALLOW_ORIGINS allows its origin; a gateway target that is not a gateway id or "*"; or quiet hours that are not HH:MM.' },
  sample_record_incomplete: { status: 400, meaning: 'A sample record lacks dish, service (date and meal), time, person or weight (FS-SAMPLE-RECORD).' },
  invalid_command: { status: 400, meaning: 'Unknown command name, or arguments that are not a flat object of strings, numbers and booleans.' },
  unauthenticated: { status: 401, meaning: 'No valid session: log in (POST /api/auth/login) and send its cookie.' },
  bad_credentials: { status: 401, meaning: 'Wrong username or password (or the account is disabled).' },
  forbidden: { status: 403, meaning: 'The user may see this kitchen but not do this there: their role does not allow it, or they resolved the alert they try to close (a second person must verify).' },
  kitchen_not_found: { status: 404, meaning: 'No kitchen with that id that the user may see (outside their scope looks the same as missing).' },
  device_not_found: { status: 404, meaning: 'No device with that id in that kitchen.' },
  alert_not_found: { status: 404, meaning: 'No alert with that id.' },
  sample_not_found: { status: 404, meaning: 'No sample with that id.' },
  ai_event_not_found: { status: 404, meaning: 'No AI event with that id.' },
  snapshot_not_found: { status: 404, meaning: 'No snapshot with that SHA-256.' },
  gateway_not_found: { status: 404, meaning: 'No gateway with that id has reported in that kitchen (or, rotating a secret, none was ever provisioned).' },
  user_not_found: { status: 404, meaning: 'No user with that username.' },
  staff_not_found: { status: 404, meaning: 'No staff member with that id in that kitchen.' },
  channel_not_found: { status: 404, meaning: 'No notification channel with that id in that kitchen.' },
  jurisdiction_not_found: { status: 404, meaning: 'No jurisdiction with that id.' },
  not_found: { status: 404, meaning: 'No such API route.' },
  user_exists: { status: 409, meaning: 'A user with that username exists already.' },
  kitchen_exists: { status: 409, meaning: 'A kitchen with that id exists already.' },
  gateway_exists: { status: 409, meaning: 'That gateway id is provisioned already (for this kitchen: send `rotate: true` to replace its secret; for another kitchen: choose another id).' },
  invalid_transition: { status: 409, meaning: 'The alert is not in a state that allows this step (active → acknowledged → resolved → closed).' },
  sample_sealed: { status: 409, meaning: 'The sample is sealed after a suspected food-borne illness and must not be disposed (FS-SAMPLE-SEAL).' },
  sample_retention_running: { status: 409, meaning: 'The sample has not yet been kept for its full retention period (48 h).' },
  ai_event_reviewed: { status: 409, meaning: 'The AI event has been confirmed or rejected already; a review is recorded once (FS-AI-EVENT).' },
  too_many_attempts: { status: 429, meaning: 'Too many failed logins for this username or address; retry after the Retry-After seconds.' },
  too_many_tests: { status: 429, meaning: 'A notification channel was tested less than 10 s ago; retry after the Retry-After seconds.' },
  series_unavailable: { status: 503, meaning: 'InfluxDB did not answer; retrying later can help.' },
  provisioning_unavailable: { status: 503, meaning: 'The server was started without the broker\'s credentials file, so it cannot provision gateways (use `npm run provision-gateway`).' },
  command_timeout: { status: 504, meaning: 'The gateway did not answer the command in time (it may be offline); retrying later can help.' },
  internal: { status: 500, meaning: 'An unexpected server error; it is logged.' },
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiFailure extends Error {
  constructor(readonly code: ApiErrorCode, message: string) {
    super(message);
  }
}

export const fail = (code: ApiErrorCode, message: string): never => {
  throw new ApiFailure(code, message);
};

export function errorHandler(log: { error(obj: object, msg: string): void }): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof ApiFailure) {
      res.status(API_ERRORS[err.code].status).json({ error: { code: err.code, message: err.message } });
      return;
    }
    if ((err as { type?: string }).type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'invalid_body', message: 'The request body is not valid JSON.' } });
      return;
    }
    log.error({ err }, 'unhandled API error');
    res.status(500).json({ error: { code: 'internal', message: 'Internal server error.' } });
  };
}
