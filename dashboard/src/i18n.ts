// The UI language: Simplified Chinese first (the default) and English second, the strings in
// strings/. The choice is remembered in localStorage; the app re-renders on change.
import { RULE_NAMES } from '../../contracts/rule-names.ts';
import { zh, type Key as CoreKey } from './strings/zh-CN.ts';
import { en } from './strings/en.ts';
import { enHome, zhHome } from './strings/home.ts';
import { enAdmin, zhAdmin } from './strings/admin.ts';

/** One dictionary per part of the app, each complete in both languages (their types say so). */
export type Key = CoreKey | keyof typeof zhHome | keyof typeof zhAdmin;
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'kcw.lang';

const TABLES: Record<Lang, Record<Key, string>> = { 'zh-CN': { ...zh, ...zhHome, ...zhAdmin }, en: { ...en, ...enHome, ...enAdmin } };

let current: Lang = readStoredLang();
const listeners = new Set<(lang: Lang) => void>();

function readStoredLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage blocked (private mode): the default still works
  }
}

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered; the choice still applies to this page
  }
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(key: Key, vars?: Record<string, string | number>): string {
  const text = TABLES[current][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The human name of a rule ID from the rule book, in the current language; the ID itself if unknown. */
export function ruleName(ruleId: string): string {
  const names = RULE_NAMES[ruleId];
  if (!names) return ruleId;
  return current === 'en' ? names.en : names.zh;
}
