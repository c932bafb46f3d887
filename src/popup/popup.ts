/**
 * The popup: asks the tab's content script for the analysis it already holds
 * and shows who is quoted, in which role on the article's date, who is only
 * mentioned, cross-references and description checks. Starts Sourcelight on
 * pages outside the default list ("Analyze this page"). Everything from the
 * page or the dataset is rendered as text.
 */
import browser from 'webextension-polyfill';
import { type PersonSummary, type Summary, toMarkdown } from '../core/summary.ts';
import { h, localise, t } from '../shared/i18n.ts';
import { injectSourcelight, isRestrictedUrl } from '../shared/inject.ts';
import type { Reply, TabState, ToBackground, ToContent } from '../shared/messages.ts';
import { DEFAULT_PALETTE } from '../shared/settings.ts';
import { loadSettings } from '../shared/storage.ts';

const main = document.getElementById('main') as HTMLElement;
const foot = document.getElementById('foot') as HTMLElement;
const switchEl = document.getElementById('highlights') as HTMLButtonElement;
const toast = document.getElementById('toast') as HTMLElement;

let tabId = -1;
let tabUrl: string | undefined;
let state: TabState | null = null;
/** How long a listed page's content script may take to answer (src/content/content.iife.ts waits for idle, at most 1 s). */
const LISTENER_GRACE_MS = 1200;
let palette = DEFAULT_PALETTE;
let pollTimer = 0;

async function toTab<T>(msg: ToContent): Promise<T> {
  const reply = (await browser.tabs.sendMessage(tabId, msg)) as Reply<T> | undefined;
  if (!reply || typeof reply !== 'object') throw new Error('no answer from the page');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

async function toBackground<T>(msg: ToBackground): Promise<T> {
  const reply = (await browser.runtime.sendMessage(msg)) as Reply<T>;
  if (!reply?.ok) throw new Error(reply?.error ?? 'no answer');
  return reply.value;
}

async function findTab(): Promise<browser.Tabs.Tab | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

function showToast(text: string): void {
  toast.textContent = text;
  toast.hidden = false;
  setTimeout(() => {
    toast.hidden = true;
  }, 2200);
}

function clear(): void {
  main.replaceChildren();
}

function section(titleKey: string, testid: string, ...children: (Node | null | false)[]): HTMLElement {
  const id = `h-${testid}`;
  return h('section', { 'aria-labelledby': id, 'data-testid': testid }, h('h2', { id }, t(titleKey)), ...children);
}

function setSwitch(on: boolean, visible: boolean): void {
  switchEl.hidden = !visible;
  switchEl.setAttribute('aria-checked', String(on));
}

// ---- rendering --------------------------------------------------------------

function renderMessage(text: string, action?: { label: string; run: () => void; testid: string }): void {
  clear();
  main.append(h('p', { class: 'message', 'data-testid': 'message' }, text));
  if (action) {
    const b = h('button', { type: 'button', class: 'primary', 'data-testid': action.testid }, action.label);
    b.addEventListener('click', action.run);
    main.append(b);
  }
}

function verdictLine(s: Summary): HTMLElement {
  const key = s.verdict === 'relevant' ? 'verdictRelevant' : s.verdict === 'passing' ? 'verdictPassing' : 'verdictUnrelated';
  const details = h('details', { class: 'reasons' }, h('summary', {}, t('popupWhy')), h('ul', {}, ...s.reasons.map((r) => h('li', {}, r))));
  const dateNote =
    s.dateSource === 'today' ? t('dateToday', s.date) : t('dateFrom', s.date, t(`dateSource_${s.dateSource.replace('-', '')}`));
  return h(
    'div',
    { class: `verdict verdict-${s.verdict}` },
    h('p', { id: 'verdict', 'data-testid': 'verdict', 'data-verdict': s.verdict }, t(key)),
    h('p', { class: 'muted', 'data-testid': 'article-date' }, dateNote),
    details,
  );
}

function personRow(p: PersonSummary, speaker: boolean, s: Summary): HTMLElement {
  const role = [p.role, p.org, p.countryName].filter(Boolean).join(' · ');
  const colour = p.colour >= 0 ? (palette[p.colour % palette.length] ?? '#999') : null;
  const head = h(
    'div',
    { class: 'person-head' },
    colour ? h('span', { class: 'swatch', style: `--c:${colour}`, 'aria-hidden': 'true' }) : null,
    h('span', { class: 'name' }, p.name),
    speaker
      ? h('span', { class: 'count', 'data-testid': 'quote-count' }, t(p.quoteCount === 1 ? 'quoteOne' : 'quoteMany', p.quoteCount))
      : null,
  );
  const item = h(
    'li',
    { class: 'person', 'data-testid': speaker ? 'speaker' : 'mentioned', 'data-key': p.id ?? p.key, 'data-quotes': String(p.quoteCount) },
    head,
    h('p', { class: 'role', 'data-testid': 'role' }, role || t('roleUnknown')),
    p.inDataset ? null : h('p', { class: 'badge' }, p.roleSource === 'text' ? t('notInDatasetRoleFromText') : t('notInDataset')),
  );
  if (speaker && p.quotes.length) {
    const list = h('ol', { class: 'quotes' });
    for (const q of p.quotes) {
      const b = h('button', { type: 'button', class: 'quote', 'data-testid': 'quote', 'data-quote-index': String(q.index) }, `“${q.text}”`);
      b.addEventListener('click', () => void toTab<boolean>({ type: 'scrollToQuote', index: q.index }).catch(() => undefined));
      list.append(h('li', {}, b));
    }
    item.append(list);
  }
  const x = s.crossRefs.find((c) => c.key === p.key);
  if (x) {
    const rows: [string, string][] = [];
    if (x.organisation) rows.push([t('xrefOrganisation'), `${x.organisation.name} — ${x.organisation.description}`]);
    if (x.counterparts.length) rows.push([t('xrefCounterparts'), x.counterparts.join(', ')]);
    if (x.colleagues.length) rows.push([t('xrefColleagues'), x.colleagues.join(', ')]);
    if (x.predecessor) rows.push([t('xrefPredecessor'), x.predecessor]);
    if (x.successor) rows.push([t('xrefSuccessor'), x.successor]);
    for (const c of x.concepts.slice(0, 4)) rows.push([c.name, c.description]);
    if (rows.length) {
      item.append(
        h(
          'details',
          { class: 'xref', 'data-testid': 'crossrefs' },
          h('summary', {}, t('xrefTitle')),
          h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
        ),
      );
    }
  }
  return item;
}

function renderSummary(s: Summary): void {
  clear();
  main.append(verdictLine(s));
  if (s.verdict !== 'relevant' || !s.isArticle) {
    const b = h('button', { type: 'button', class: 'primary', 'data-testid': 'analyze-anyway' }, t('popupAnalyzeAnyway'));
    b.addEventListener('click', () => void analyzeAnyway());
    main.append(b);
  }
  if (s.descriptionChecks.length) {
    main.append(
      section(
        'checksTitle',
        'description-checks',
        h('ul', { class: 'checks' }, ...s.descriptionChecks.map((d) => h('li', { 'data-testid': 'description-check' }, d.message))),
      ),
    );
  }
  if (s.speakers.length || s.organisations.length) {
    const list = h('ul', { class: 'people' }, ...s.speakers.map((p) => personRow(p, true, s)));
    for (const o of s.organisations) {
      list.append(
        h(
          'li',
          { class: 'person', 'data-testid': 'org-speaker' },
          h(
            'div',
            { class: 'person-head' },
            h('span', { class: 'name' }, o.name),
            h('span', { class: 'count' }, t(o.quoteCount === 1 ? 'quoteOne' : 'quoteMany', o.quoteCount)),
          ),
          h('p', { class: 'role' }, t('organisation')),
        ),
      );
    }
    main.append(section('speakersTitle', 'speakers', list));
  } else if (s.verdict === 'relevant') main.append(h('p', { class: 'muted' }, t('noSpeakers')));
  if (s.mentioned.length)
    main.append(
      section('mentionedTitle', 'mentioned-list', h('ul', { class: 'people' }, ...s.mentioned.map((p) => personRow(p, false, s)))),
    );
  if (s.unattributed.length) {
    const list = h('ol', { class: 'quotes' });
    for (const q of s.unattributed) {
      const b = h('button', { type: 'button', class: 'quote', 'data-testid': 'quote', 'data-quote-index': String(q.index) }, `“${q.text}”`);
      b.addEventListener('click', () => void toTab<boolean>({ type: 'scrollToQuote', index: q.index }).catch(() => undefined));
      list.append(h('li', {}, b));
    }
    main.append(section('unattributedTitle', 'unattributed', list));
  }
  if (s.concepts.length) {
    main.append(
      section(
        'conceptsTitle',
        'concepts',
        h('dl', { class: 'concepts' }, ...s.concepts.flatMap((c) => [h('dt', {}, c.name), h('dd', {}, c.description)])),
      ),
    );
  }
  main.append(h('p', { class: 'muted small' }, t('datasetLine', s.dataset.version, s.dataset.asOf)));
  foot.hidden = false;
}

function render(): void {
  if (!state) return;
  setSwitch(state.highlights, true);
  clearTimeout(pollTimer);
  switch (state.phase) {
    case 'idle':
    case 'analysing':
      renderMessage(t('popupLoading'));
      pollTimer = window.setTimeout(() => void refresh(), 250);
      break;
    case 'skipped':
      renderMessage(state.message ?? t('skipped'), {
        label: t('popupAnalyzeAnyway'),
        run: () => void analyzeAnyway(),
        testid: 'analyze-anyway',
      });
      break;
    case 'error':
      renderMessage(state.message ?? t('errorGeneric'));
      break;
    case 'ready':
      if (state.summary) renderSummary(state.summary);
      break;
  }
}

// ---- actions ----------------------------------------------------------------

async function refresh(retry = onDefaultList(tabUrl)): Promise<void> {
  try {
    state = await toTab<TabState>({ type: 'getState' });
    render();
  } catch {
    // On a listed site the content script answers within a second of the page settling (a page it skipped
    // sets up its listener when the browser is idle): ask once more before saying it is not there.
    if (retry) {
      renderMessage(t('popupLoading'));
      await new Promise((r) => setTimeout(r, LISTENER_GRACE_MS));
      return refresh(false);
    }
    notRunning();
  }
}

function notRunning(): void {
  setSwitch(false, false);
  if (isRestrictedUrl(tabUrl) && tabUrl !== undefined) {
    renderMessage(t('restrictedPage'));
    return;
  }
  // On a site of the default list the content script should be there: the page predates the install or update.
  const listed = onDefaultList(tabUrl);
  renderMessage(t(listed ? 'notRunningYet' : 'notRunning'), {
    label: t('popupAnalyzeThis'),
    run: () => void startHere(),
    testid: 'analyze-this',
  });
}

/** The page's host is one the manifest runs the content script on by default (patterns like *://*.bbc.co.uk/*). */
function onDefaultList(url: string | undefined): boolean {
  if (!url) return false;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  const patterns = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  return patterns.some((p) => {
    const domain = /^\*:\/\/\*\.([^/]+)\/\*$/.exec(p)?.[1];
    return domain !== undefined && (host === domain || host.endsWith(`.${domain}`));
  });
}

/** Injects the content script (activeTab) where the manifest did not run it. */
async function startHere(): Promise<void> {
  renderMessage(t('popupLoading'));
  try {
    await injectSourcelight(tabId);
    await new Promise((r) => setTimeout(r, 150));
    await toTab({ type: 'analyzeNow' });
    await refresh();
  } catch (e) {
    renderMessage(`${t('cannotRunHere')} (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function analyzeAnyway(): Promise<void> {
  renderMessage(t('popupLoading'));
  try {
    state = await toTab<TabState>({ type: 'analyzeNow' });
    render();
  } catch (e) {
    renderMessage(`${t('errorGeneric')} (${e instanceof Error ? e.message : String(e)})`);
  }
}

switchEl.addEventListener('click', async () => {
  if (!state) return;
  const on = switchEl.getAttribute('aria-checked') !== 'true';
  setSwitch(on, true);
  try {
    // Remember for the site (every open tab of it follows), and apply here at once.
    await toBackground({ type: 'setSiteHighlights', host: state.host, on });
    state = await toTab<TabState>({ type: 'setHighlights', on });
    render();
  } catch (e) {
    setSwitch(!on, true);
    showToast(`${t('errorGeneric')} (${e instanceof Error ? e.message : String(e)})`);
  }
});

document.getElementById('copy')?.addEventListener('click', async () => {
  if (!state?.summary) return;
  const analysis = await toTab<Parameters<typeof toMarkdown>[1]>({ type: 'getAnalysis' }).catch(() => undefined);
  const md = toMarkdown(state.summary, analysis ?? undefined);
  document.body.dataset.lastCopy = md;
  try {
    await navigator.clipboard.writeText(md);
  } catch {
    const area = h('textarea', {}, md);
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
  showToast(t('copied'));
});

document.getElementById('download')?.addEventListener('click', async () => {
  const analysis = await toTab<unknown>({ type: 'getAnalysis' }).catch(() => null);
  if (!analysis) return;
  const blob = new Blob([JSON.stringify(analysis, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: `sourcelight-${new Date().toISOString().slice(0, 10)}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
});

document.getElementById('options')?.addEventListener('click', () => void browser.runtime.openOptionsPage());

async function init(): Promise<void> {
  localise(document);
  palette = (await loadSettings()).settings.palette;
  const tab = await findTab().catch(() => undefined);
  if (tab?.id === undefined) {
    renderMessage(t('restrictedPage'));
    return;
  }
  tabId = tab.id;
  tabUrl = tab.url;
  await refresh();
}

void init();
