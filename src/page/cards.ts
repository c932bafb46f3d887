/**
 * Hover and focus cards for highlighted names and quotes. The card lives in a
 * closed shadow root on a host element outside <body>, so page CSS cannot
 * reach it and ours cannot leak. Content is built with textContent only.
 * It opens below (or above) the line being read, never over it, closes on
 * Escape, on leaving, and by itself after a while. The host carries
 * `data-state="open|closed"` (nothing of the card's content) so styles and
 * tests can tell whether a card is showing.
 */
import { MARK_CLASS } from './highlight.ts';

export type CardMode = 'hover' | 'modifier' | 'off';

export interface CardContent {
  title: string;
  subtitle?: string | null;
  colour?: string | null;
  lines: { label: string; text: string }[];
  note?: string | null;
}

const SHOW_DELAY_MS = 250;
const HIDE_DELAY_MS = 250;
const AUTO_HIDE_MS = 10_000;

const CSS = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; max-width: 340px; min-width: 200px; box-sizing: border-box;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; background: #fff;
  border: 1px solid #c9d1dc; border-left: 5px solid var(--c, #18305a); border-radius: 8px; padding: 10px 12px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); }
.title { font-weight: 650; font-size: 14px; margin: 0 0 2px; }
.sub { color: #4a5566; margin: 0 0 6px; }
dl { margin: 6px 0 0; display: grid; grid-template-columns: fit-content(38%) 1fr; gap: 2px 8px; }
dt { color: #5b6678; font-weight: 600; }
dd { margin: 0; }
.note { margin-top: 6px; color: #8a4b00; }
.brand { margin-top: 6px; color: #7a8596; font-size: 11px; }
@media (prefers-color-scheme: dark) {
  .card { color: #e8edf4; background: #1f2633; border-color: #3a4557; }
  .sub, dt { color: #aeb8c7; } .note { color: #ffc46b; } .brand { color: #8d98aa; }
}`;

export class Cards {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private card: HTMLElement | null = null;
  private current: Element | null = null;
  private showTimer = 0;
  private hideTimer = 0;
  private autoTimer = 0;
  private readonly controller = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly contentFor: (mark: Element) => CardContent | null,
    private mode: CardMode,
  ) {
    const opts = { capture: true, signal: this.controller.signal };
    doc.addEventListener('mouseover', (e) => this.onOver(e as MouseEvent), opts);
    doc.addEventListener('mouseout', (e) => this.onOut(e as MouseEvent), opts);
    doc.addEventListener('focusin', (e) => this.onFocus(e), opts);
    doc.addEventListener('focusout', () => this.scheduleHide(), opts);
    doc.addEventListener(
      'keydown',
      (e) => {
        if ((e as KeyboardEvent).key === 'Escape' && this.card) this.hide();
      },
      opts,
    );
    doc.defaultView?.addEventListener('scroll', () => this.hide(), { passive: true, signal: this.controller.signal });
  }

  setMode(mode: CardMode): void {
    this.mode = mode;
    if (mode === 'off') this.hide();
  }

  /** Removes listeners and the host element. */
  destroy(): void {
    this.controller.abort();
    this.hide();
    this.host?.remove();
    this.host = null;
    this.root = null;
  }

  get visible(): boolean {
    return this.card !== null;
  }

  private markOf(target: EventTarget | null): Element | null {
    const el = target instanceof Element ? target : null;
    return el?.closest(`mark.${MARK_CLASS}`) ?? null;
  }

  private onOver(e: MouseEvent): void {
    if (this.mode === 'off') return;
    if (this.host && e.composedPath().includes(this.host)) {
      clearTimeout(this.hideTimer);
      return;
    }
    const mark = this.markOf(e.target);
    if (!mark) return;
    if (this.mode === 'modifier' && !e.altKey) return;
    clearTimeout(this.hideTimer);
    if (mark === this.current && this.card) return;
    clearTimeout(this.showTimer);
    this.showTimer = window.setTimeout(() => this.show(mark), SHOW_DELAY_MS);
  }

  private onOut(e: MouseEvent): void {
    if (!this.markOf(e.target) && !(this.host && e.composedPath().includes(this.host))) return;
    clearTimeout(this.showTimer);
    this.scheduleHide();
  }

  private onFocus(e: Event): void {
    if (this.mode === 'off') return;
    const mark = this.markOf(e.target);
    if (mark) this.show(mark);
  }

  private scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  private ensureHost(): ShadowRoot {
    if (this.root && this.host?.isConnected) return this.root;
    let host = this.doc.createElement('sourcelight-card');
    let root: ShadowRoot;
    try {
      root = host.attachShadow({ mode: 'closed' });
    } catch {
      // The page defined <sourcelight-card> itself (the custom element registry is the page's, shared with content
      // scripts) and attached its own shadow root, or disabled ours: host the card in a plain element instead.
      host = this.doc.createElement('div');
      root = host.attachShadow({ mode: 'closed' });
    }
    host.setAttribute('data-sourcelight-ui', '');
    host.setAttribute('data-state', 'closed');
    adoptStyles(this.doc, root);
    // Outside <body>: the page's text and layout stay untouched.
    this.doc.documentElement.append(host);
    this.host = host;
    this.root = root;
    return root;
  }

  show(mark: Element): void {
    const content = this.contentFor(mark);
    if (!content) return;
    const root = this.ensureHost();
    this.card?.remove();
    const d = this.doc;
    const card = d.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'tooltip');
    card.setAttribute('data-testid', 'sourcelight-card');
    if (content.colour) card.style.setProperty('--c', content.colour);
    const title = d.createElement('p');
    title.className = 'title';
    title.textContent = content.title;
    card.append(title);
    if (content.subtitle) {
      const sub = d.createElement('p');
      sub.className = 'sub';
      sub.textContent = content.subtitle;
      card.append(sub);
    }
    if (content.lines.length) {
      const dl = d.createElement('dl');
      for (const line of content.lines) {
        const dt = d.createElement('dt');
        dt.textContent = line.label;
        const dd = d.createElement('dd');
        dd.textContent = line.text;
        dl.append(dt, dd);
      }
      card.append(dl);
    }
    if (content.note) {
      const note = d.createElement('p');
      note.className = 'note';
      note.textContent = content.note;
      card.append(note);
    }
    const brand = d.createElement('p');
    brand.className = 'brand';
    brand.textContent = 'Sourcelight · Esc to close';
    card.append(brand);
    root.append(card);
    this.card = card;
    this.current = mark;
    this.host?.setAttribute('data-state', 'open');
    this.place(mark, card);
    clearTimeout(this.autoTimer);
    this.autoTimer = window.setTimeout(() => this.hide(), AUTO_HIDE_MS);
  }

  /** Below the mark's line if it fits, else above; never over the line itself. */
  private place(mark: Element, card: HTMLElement): void {
    const view = this.doc.defaultView;
    const rects = mark.getClientRects();
    const r = rects[0] ?? mark.getBoundingClientRect();
    const last = rects[rects.length - 1] ?? r;
    const vw = view?.innerWidth ?? 1024;
    const vh = view?.innerHeight ?? 768;
    const h = card.offsetHeight || 120;
    const w = Math.min(card.offsetWidth || 300, vw - 16);
    const below = last.bottom + 8;
    const top = below + h <= vh ? below : Math.max(8, r.top - h - 8);
    const left = Math.min(Math.max(8, r.left), vw - w - 8);
    card.style.top = `${Math.round(top)}px`;
    card.style.left = `${Math.round(left)}px`;
  }

  hide(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    clearTimeout(this.autoTimer);
    this.card?.remove();
    this.card = null;
    this.current = null;
    this.host?.setAttribute('data-state', 'closed');
  }
}

/**
 * A constructed style sheet is not subject to the page's Content-Security-
 * Policy (an inline <style> may be); fall back to <style> where constructed
 * sheets are unavailable.
 */
function adoptStyles(doc: Document, root: ShadowRoot): void {
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    const style = doc.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}
