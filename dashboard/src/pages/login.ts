// The login page (`#/login`), shown whenever the app has no session: the product, a line of
// what it is, username and password in large fields (tablets), and what went wrong in words.
// POST /api/auth/login sets the HttpOnly session cookie; the app then starts with the answer.
import type { Me } from '../../../contracts/auth.ts';
import { api } from '../api.ts';
import { loginErrorText } from '../auth.ts';
import { h, icon } from '../dom.ts';
import { langToggle } from '../components/lang-toggle.ts';
import { t } from '../i18n.ts';
import { ICONS } from '../icons.ts';

export interface LoginOptions {
  /** Why the page shows (the session ended, the user logged out); null: a plain start. */
  notice: string | null;
  /** Kept across a language switch, so the name typed is not lost. */
  username: string;
  onLoggedIn(me: Me): void;
}

export interface LoginPage {
  /** What is typed in the username field. */
  username(): string;
  destroy(): void;
}

const USERNAME_MAX = 64;
const PASSWORD_MAX = 256;

export function mountLogin(root: HTMLElement, opts: LoginOptions): LoginPage {
  const abort = new AbortController();
  const username = h('input', {
    name: 'username',
    id: 'login-username',
    type: 'text',
    required: true,
    maxlength: USERNAME_MAX,
    autocomplete: 'username',
    autocapitalize: 'none',
    autocorrect: 'off',
    spellcheck: 'false',
    enterkeyhint: 'next',
    value: opts.username,
  });
  const password = h('input', {
    name: 'password',
    id: 'login-password',
    type: 'password',
    required: true,
    maxlength: PASSWORD_MAX,
    autocomplete: 'current-password',
    enterkeyhint: 'go',
  });
  const reveal = h(
    'button',
    { type: 'button', class: 'reveal', 'aria-pressed': 'false', 'aria-controls': 'login-password', title: t('login.showLabel'), onclick: () => toggleReveal() },
    icon(ICONS.eye),
    h('span', null, t('login.show')),
  );
  const error = h('p', { class: 'login-error', role: 'alert', hidden: true });
  const notice = h('p', { class: 'login-notice', role: 'status', hidden: !opts.notice }, opts.notice ?? '');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary login-submit' }, t('login.submit'));
  const form = h(
    'form',
    { class: 'login-form', novalidate: true, 'aria-labelledby': 'login-title' },
    notice,
    h('label', { class: 'login-field', for: 'login-username' }, t('login.username')),
    username,
    h('label', { class: 'login-field', for: 'login-password' }, t('login.password')),
    h('div', { class: 'password-wrap' }, password, reveal),
    error,
    submit,
  );
  const langButton = langToggle();

  root.replaceChildren(
    h(
      'div',
      { class: 'login-page' },
      h('div', { class: 'login-top' }, langButton),
      h(
        'main',
        { class: 'login-main', id: 'main' },
        h(
          'section',
          { class: 'login-card' },
          h(
            'div',
            { class: 'login-brand' },
            icon(ICONS.thermo, 'brand-mark login-mark'),
            h('div', null, h('h1', { class: 'login-name' }, t('app.name')), h('p', { class: 'login-scope' }, t('app.scope'))),
          ),
          h('p', { class: 'login-tagline' }, h('span', null, t('login.tagline')), h('span', { class: 'login-features' }, t('login.features'))),
          h('h2', { id: 'login-title', class: 'login-title' }, t('login.title')),
          form,
          h('p', { class: 'login-help muted' }, t('login.help')),
        ),
      ),
      h('footer', { class: 'login-foot' }, t('login.foot')),
    ),
  );
  (username.value ? password : username).focus();

  const fail = (message: string): void => {
    error.textContent = message;
    error.hidden = false;
  };
  function toggleReveal(): void {
    const shown = password.type === 'password';
    password.type = shown ? 'text' : 'password';
    reveal.setAttribute('aria-pressed', String(shown));
    reveal.lastElementChild!.textContent = t(shown ? 'login.hide' : 'login.show');
  }

  let busy = false;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (busy) return;
    const name = username.value.trim();
    if (!name || !password.value) {
      fail(t('login.missing'));
      (name ? password : username).focus();
      return;
    }
    busy = true;
    submit.disabled = true;
    submit.textContent = t('login.sending');
    error.hidden = true;
    notice.hidden = true;
    api
      .login({ username: name, password: password.value }, abort.signal)
      .then((me) => {
        if (!abort.signal.aborted) opts.onLoggedIn(me);
      })
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        busy = false;
        submit.disabled = false;
        submit.textContent = t('login.submit');
        fail(loginErrorText(err));
        password.value = '';
        password.focus();
      });
  });

  return {
    username: () => username.value,
    destroy() {
      abort.abort();
    },
  };
}
