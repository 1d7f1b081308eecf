// A failed administration request in the user's language: the stable code (docs/errors.md)
// picks the words, never the server's English message, except as the detail of a bad body.
import { ApiRequestError } from './api.ts';
import { t, type Key } from './i18n.ts';

/** The codes the administration routes answer with, each with its own words. */
const CODES = [
  'invalid_id', 'invalid_user', 'weak_password', 'invalid_jurisdiction', 'forbidden', 'kitchen_not_found', 'gateway_not_found',
  'user_not_found', 'jurisdiction_not_found', 'not_found', 'user_exists', 'kitchen_exists', 'gateway_exists', 'provisioning_unavailable',
] as const;
type AdminCode = (typeof CODES)[number];

const isAdminCode = (code: string): code is AdminCode => (CODES as readonly string[]).includes(code);

export function adminErrorText(err: unknown): string {
  if (!(err instanceof ApiRequestError)) return t('admin.code.network'); // fetch rejects when the server is unreachable
  if (err.code === 'invalid_body') return t('admin.code.invalid_body', { msg: err.message || err.code });
  if (isAdminCode(err.code)) return t(`admin.code.${err.code}` satisfies Key);
  if (err.status >= 500) return t('admin.code.server');
  return t('admin.code.failed', { msg: err.message || err.code });
}
