// A tiny element builder: h('div', { class: 'x', onclick: fn }, 'text', child).
export type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttrValue = string | number | boolean | null | undefined | ((ev: Event) => void);
export type Attrs = Record<string, AttrValue>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** An inline SVG icon from a trusted constant (see icons.ts). */
export function icon(svg: string, cls = 'icon'): HTMLSpanElement {
  const span = h('span', { class: cls, 'aria-hidden': 'true' });
  span.innerHTML = svg;
  return span;
}

/**
 * Replaces the children of `parent` with `next`, reusing the element already
 * there for a key whose signature is unchanged, so a live update does not
 * rebuild the page or take the keyboard focus away.
 */
export function patchKeyed<T>(
  parent: HTMLElement,
  items: readonly T[],
  key: (item: T) => string,
  signature: (item: T) => string,
  render: (item: T) => HTMLElement,
): void {
  const existing = new Map<string, HTMLElement>();
  for (const el of Array.from(parent.children) as HTMLElement[]) {
    if (el.dataset.key) existing.set(el.dataset.key, el);
  }
  const focused = document.activeElement;
  const wanted: HTMLElement[] = [];
  for (const item of items) {
    const k = key(item);
    const sig = signature(item);
    let el = existing.get(k);
    if (!el || el.dataset.sig !== sig) {
      const fresh = render(item);
      fresh.dataset.key = k;
      fresh.dataset.sig = sig;
      if (el && el === focused) queueMicrotask(() => fresh.focus());
      el = fresh;
    }
    wanted.push(el);
  }
  // Move only what is out of place.
  wanted.forEach((el, i) => {
    if (parent.children[i] !== el) parent.insertBefore(el, parent.children[i] ?? null);
  });
  while (parent.children.length > wanted.length) parent.lastElementChild?.remove();
}
