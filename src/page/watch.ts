/**
 * Following a page as it changes: one MutationObserver on the body (elements
 * and text, anywhere) plus back/forward navigation, turned into one call once
 * the page has settled, and at most one every MIN_INTERVAL_MS under a flood of
 * changes. The page session follows its article with it; the content script's
 * entry uses it on a page it skipped, to notice the page turning into an
 * article, before anything else is loaded.
 */

/** After a change, wait this long for the page to settle. */
const SETTLE_MS = 400;
/** Call at most this often. */
const MIN_INTERVAL_MS = 1500;

export interface PageWatch {
  /** Runs `fn` without reporting the DOM changes it makes (our own marks). */
  quiet<T>(fn: () => T): T;
  stop(): void;
}

/** Null where the page cannot be observed (no body, no MutationObserver). */
export function watchPage(doc: Document, onChange: () => void, ignore: (r: MutationRecord) => boolean = () => false): PageWatch | null {
  const view = doc.defaultView;
  if (!view?.MutationObserver || !doc.body) return null;
  let timer = 0;
  let last = 0;
  const fire = () => {
    const now = performance.now();
    if (now - last < MIN_INTERVAL_MS) {
      // A flood of changes: one call once it settles.
      view.clearTimeout(timer);
      timer = view.setTimeout(fire, MIN_INTERVAL_MS);
      return;
    }
    last = now;
    onChange();
  };
  const observer = new view.MutationObserver((records) => {
    if (records.every(ignore)) return;
    view.clearTimeout(timer);
    timer = view.setTimeout(fire, SETTLE_MS);
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  view.addEventListener('popstate', fire);
  return {
    quiet<T>(fn: () => T): T {
      observer.takeRecords();
      const r = fn();
      observer.takeRecords();
      return r;
    },
    stop(): void {
      observer.disconnect();
      view.removeEventListener('popstate', fire);
      view.clearTimeout(timer);
    },
  };
}
