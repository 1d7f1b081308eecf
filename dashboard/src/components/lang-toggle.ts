// The 中文 / English switch, on the top bar and on the login page alike.
import { h, icon } from '../dom.ts';
import { getLang, setLang, t } from '../i18n.ts';
import { ICONS } from '../icons.ts';

export function langToggle(): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'lang-toggle',
      lang: getLang() === 'en' ? 'zh-CN' : 'en',
      'aria-label': t('lang.toggleLabel'),
      onclick: () => setLang(getLang() === 'en' ? 'zh-CN' : 'en'),
    },
    icon(ICONS.globe),
    t('lang.toggle'),
  );
}
