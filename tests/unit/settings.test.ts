import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, highlightsOn, parseSettings, withSite } from '../../src/shared/settings.ts';

describe('stored settings', () => {
  it('gives defaults when nothing is stored', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [], dirty: false });
  });

  it.each([
    ['a string', 'corrupt'],
    ['an array', [1, 2]],
    ['a number', 42],
  ])('replaces %s by defaults and says so', (_n, raw) => {
    const r = parseSettings(raw);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.dirty).toBe(true);
    expect(r.problems.length).toBeGreaterThan(0);
  });

  it('keeps the valid fields of a partly corrupt object', () => {
    const r = parseSettings({
      version: 2,
      highlightsDefault: false,
      cards: 'sideways',
      palette: ['red'],
      sites: { 'www.bbc.co.uk': false, 'bad host!': true },
    });
    expect(r.settings.highlightsDefault).toBe(false);
    expect(r.settings.cards).toBe('hover');
    expect(r.settings.palette).toEqual(DEFAULT_SETTINGS.palette);
    expect(r.settings.sites).toEqual({ 'www.bbc.co.uk': false });
    expect(r.dirty).toBe(true);
  });

  it('migrates version 1', () => {
    const r = parseSettings({ version: 1, enabled: false, disabledSites: ['www.rt.com'], hoverCards: false });
    expect(r.settings).toMatchObject({ version: 2, highlightsDefault: false, sites: { 'www.rt.com': false }, cards: 'off' });
    expect(r.dirty).toBe(true);
  });

  it('per-site choice overrides the default and forgets redundant choices', () => {
    const s = withSite(DEFAULT_SETTINGS, 'WWW.Example.COM', false);
    expect(highlightsOn(s, 'www.example.com')).toBe(false);
    expect(highlightsOn(s, 'other.org')).toBe(true);
    expect(withSite(s, 'www.example.com', true).sites).toEqual({});
  });
});
