/**
 * The options page: highlight style and colours with a live preview, cards,
 * default and per-site choices, "run on every site" (asks for the optional
 * host permission at that moment and gives it back when turned off),
 * detection sensitivity, and the dataset's provenance.
 */
import browser from 'webextension-polyfill';
import { datasetInfo } from '../shared/dataset.ts';
import { h, localise, t } from '../shared/i18n.ts';
import { type CardMode, DEFAULT_PALETTE, type QuoteStyle, type Sensitivity, type Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged, saveSettings, takeRepairNote } from '../shared/storage.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let settings: Settings;

async function update(change: Partial<Settings>): Promise<void> {
  settings = { ...settings, ...change };
  await saveSettings(settings);
  $('saved').textContent = t('optSaved');
  render();
}

function renderPreview(): void {
  const p = $('preview');
  const q = (colour: string, text: string) => {
    const span = h('span', { class: `pv-quote${settings.quoteStyle === 'underline' ? ' underline' : ''}`, style: `--c:${colour}` }, text);
    return span;
  };
  p.replaceChildren(
    q(settings.palette[0] ?? '#E69F00', t('previewQuote1')),
    ` ${t('previewSaid')} `,
    h('span', { class: 'pv-name' }, t('previewName')),
    '. ',
    q(settings.palette[1] ?? '#56B4E9', t('previewQuote2')),
  );
}

function renderPalette(): void {
  const box = $('palette');
  box.replaceChildren(
    ...settings.palette.map((c, i) => {
      const input = h('input', { type: 'color', value: c.toLowerCase(), 'aria-label': t('optColourN', i + 1) });
      input.addEventListener('change', () => {
        const palette = [...settings.palette];
        palette[i] = input.value;
        void update({ palette });
      });
      return h('label', {}, input, String(i + 1));
    }),
  );
}

function renderSites(): void {
  const body = $('sites').querySelector('tbody') as HTMLElement;
  const entries = Object.entries(settings.sites).sort(([a], [b]) => a.localeCompare(b));
  $('noSites').hidden = entries.length > 0;
  $('sites').hidden = entries.length === 0;
  body.replaceChildren(
    ...entries.map(([host, on]) => {
      // The accessible name starts with the visible text (WCAG 2.5.3, label in name), then says what it does.
      const remove = h('button', { type: 'button', 'aria-label': `${t('optRemove')}: ${t('optRemoveSite', host)}` }, t('optRemove'));
      remove.addEventListener('click', () => {
        const sites = { ...settings.sites };
        delete sites[host];
        void update({ sites });
      });
      return h('tr', {}, h('td', {}, host), h('td', {}, on ? t('on') : t('off')), h('td', {}, remove));
    }),
  );
}

function render(): void {
  ($('highlightsDefault') as HTMLInputElement).checked = settings.highlightsDefault;
  ($('runEverywhere') as HTMLInputElement).checked = settings.runEverywhere;
  ($('sensitivity') as HTMLSelectElement).value = settings.sensitivity;
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="quoteStyle"]')) r.checked = r.value === settings.quoteStyle;
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="cards"]')) r.checked = r.value === settings.cards;
  renderPalette();
  renderPreview();
  renderSites();
}

function renderDataset(): void {
  const d = datasetInfo();
  $('dataset').textContent = t('datasetInfo', d.version, d.asOf, d.people, d.terms, d.organisations, d.concepts);
}

async function init(): Promise<void> {
  localise(document);
  const loaded = await loadSettings();
  settings = loaded.settings;
  // Problems found now, or by whichever part of the extension repaired the settings first.
  const problems = [...new Set([...loaded.problems, ...(await takeRepairNote())])];
  if (problems.length) {
    $('problems').hidden = false;
    $('problems').textContent = t('optRepaired', problems.join('; '));
  }
  render();
  renderDataset();
  ($('highlightsDefault') as HTMLInputElement).addEventListener(
    'change',
    (e) => void update({ highlightsDefault: (e.target as HTMLInputElement).checked }),
  );
  ($('sensitivity') as HTMLSelectElement).addEventListener(
    'change',
    (e) => void update({ sensitivity: (e.target as HTMLSelectElement).value as Sensitivity }),
  );
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="quoteStyle"]'))
    r.addEventListener('change', () => void update({ quoteStyle: r.value as QuoteStyle }));
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="cards"]'))
    r.addEventListener('change', () => void update({ cards: r.value as CardMode }));
  $('resetPalette').addEventListener('click', () => void update({ palette: [...DEFAULT_PALETTE] }));
  ($('runEverywhere') as HTMLInputElement).addEventListener('change', async (e) => {
    const box = e.target as HTMLInputElement;
    if (box.checked) {
      // Asked at this moment, from the user's click; refused means nothing changes.
      const granted = await browser.permissions.request({ origins: ['<all_urls>'] }).catch(() => false);
      box.checked = granted;
      await update({ runEverywhere: granted });
    } else {
      await browser.permissions.remove({ origins: ['<all_urls>'] }).catch(() => false);
      await update({ runEverywhere: false });
    }
  });
  onSettingsChanged((s) => {
    settings = s;
    render();
  });
}

void init();
