/**
 * UI strings from _locales. `t()` never returns an empty string: a missing
 * translation shows its key, which the locale test catches first.
 */
import browser from 'webextension-polyfill';

export function t(key: string, ...subs: (string | number)[]): string {
  const s = browser.i18n.getMessage(key, subs.map(String));
  return s || key;
}

/** Fills `data-i18n` (text) and `data-i18n-label` (aria-label/title) attributes under root. */
export function localise(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n ?? '');
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const label = t(el.dataset.i18nLabel ?? '');
    el.setAttribute('aria-label', label);
    el.title = label;
  }
}

/** Creates an element with text content (never HTML) and optional attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children)
    if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}
