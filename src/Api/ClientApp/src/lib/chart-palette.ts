// Series colours for charts, and the WCAG contrast maths that picked them.

/**
 * Series colours, in order. Each has at least 3:1 contrast (WCAG 1.4.11, graphical objects) both on white
 * and on a dark surface (#1a1d23), so a chart reads in a light or a dark theme without a second palette;
 * blue and orange come first because they stay apart for the common colour-vision deficiencies. Series
 * are also told apart by line dash and point shape, never by colour alone.
 */
export const SERIES_COLOURS: readonly string[] = ['#2f7ed8', '#ea580c', '#0d9488', '#8b5cf6', '#db2777', '#16a34a'];

export const LIGHT_SURFACE = '#ffffff';
export const DARK_SURFACE = '#1a1d23';

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/** Relative luminance of a #rrggbb colour (WCAG 2.x). */
export function luminance(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const channels = [0, 2, 4].map((i) => parseInt(match[1]!.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Dash patterns per series (solid first), so lines differ without colour. */
export function seriesDash(index: number): number[] {
  const dashes: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
  return dashes[index % dashes.length]!;
}

export const POINT_STYLES = ['circle', 'rectRot', 'triangle', 'rect', 'star', 'crossRot'] as const;
