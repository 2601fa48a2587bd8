import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERIES_COLOURS, contrastRatio } from '../src/lib/chart-palette';

// The two themes' custom properties as styles.css declares them: the first :root block (light, the default) and the
// :root block inside @media (prefers-color-scheme: dark), which overrides some of them.
const css = readFileSync(join(__dirname, '..', 'src', 'styles.css'), 'utf8');

function properties(block: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) found[m[1]!] = m[2]!.toLowerCase();
  return found;
}

const light = properties(/:root\s*\{([^}]*)\}/.exec(css)![1]!);
const darkBlock = /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css);
const dark = { ...light, ...properties(darkBlock?.[1] ?? '') };

// Text colour → the backgrounds it is shown on (4.5:1, WCAG 1.4.3).
const TEXT: Record<string, string[]> = {
  text: ['bg', 'surface', 'subtle-bg', 'input-bg', 'neutral-bg', 'th-bg', 'info-bg', 'warning-bg', 'danger-bg', 'success-bg', 'warning-banner-bg', 'high-risk-bg'],
  muted: ['bg', 'surface', 'subtle-bg', 'th-bg', 'neutral-bg', 'high-risk-bg'],
  primary: ['bg', 'surface', 'subtle-bg', 'info-bg', 'neutral-bg', 'input-bg'],
  'on-primary': ['primary', 'primary-dark'],
  danger: ['bg', 'surface', 'danger-bg', 'high-risk-bg', 'subtle-bg'],
  success: ['bg', 'surface', 'success-bg'],
  warning: ['surface', 'warning-bg', 'high-risk-bg', 'subtle-bg'],
  info: ['surface', 'info-bg'],
  'neutral-text': ['neutral-bg'],
  'th-text': ['th-bg'],
  'disabled-text': ['disabled-bg'],
};
// Boundaries of controls and the focus ring (3:1, WCAG 1.4.11).
const NON_TEXT: Record<string, string[]> = {
  'control-border': ['surface', 'input-bg', 'bg'],
  focus: ['surface', 'bg'],
};

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_name, theme) => {
  it('declares every colour the pairs below use', () => {
    for (const [fg, bgs] of Object.entries({ ...TEXT, ...NON_TEXT })) {
      for (const name of [fg, ...bgs]) expect(theme[name], `--${name}`).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('gives text 4.5:1 on every background it sits on', () => {
    for (const [fg, bgs] of Object.entries(TEXT)) {
      for (const bg of bgs) expect(contrastRatio(theme[fg]!, theme[bg]!), `--${fg} on --${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    // White text on the filled red (critical badge, bell count, Terminate).
    expect(contrastRatio('#ffffff', theme['danger-solid']!)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives control borders, the focus ring and chart series 3:1', () => {
    for (const [fg, bgs] of Object.entries(NON_TEXT)) {
      for (const bg of bgs) expect(contrastRatio(theme[fg]!, theme[bg]!), `--${fg} on --${bg}`).toBeGreaterThanOrEqual(3);
    }
    for (const colour of SERIES_COLOURS) expect(contrastRatio(colour, theme.surface!), `${colour} on --surface`).toBeGreaterThanOrEqual(3);
  });
});

describe('the dark theme', () => {
  it('exists and darkens the page', () => {
    expect(darkBlock, 'a :root block inside @media (prefers-color-scheme: dark)').not.toBeNull();
    expect(contrastRatio(dark.bg!, '#000000')).toBeLessThan(1.5);
    expect(contrastRatio(light.bg!, '#ffffff')).toBeLessThan(1.5);
  });
});
