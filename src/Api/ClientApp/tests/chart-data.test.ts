import { describe, expect, it } from 'vitest';
import { chartSummary, chartTableHeaders, chartTableRows, drawnPoints } from '../src/lib/chart-data';
import { DARK_SURFACE, LIGHT_SURFACE, SERIES_COLOURS, contrastRatio, luminance, seriesDash } from '../src/lib/chart-palette';

const data = {
  labels: ['00', '01', '02'],
  series: [
    { label: 'Submissions', values: [1, 0, 4] },
    { label: 'Anomalies', values: [null, 7, 2] },
  ],
};

describe('chart table view', () => {
  it('holds the same figures as the chart', () => {
    expect(chartTableHeaders(data, 'Hour')).toEqual(['Hour', 'Submissions', 'Anomalies']);
    expect(chartTableRows(data)).toEqual([
      ['00', '1', '—'],
      ['01', '0', '7'],
      ['02', '4', '2'],
    ]);
    expect(chartTableRows(data, (v) => `${v} %`)[2]).toEqual(['02', '4 %', '2 %']);
  });

  it('summarises the chart for its accessible name', () => {
    expect(chartSummary('Hourly', data)).toBe('Hourly: 3 points, Submissions, Anomalies; highest Anomalies 7 at 01.');
    expect(chartSummary('Hourly', { labels: [], series: [] })).toBe('Hourly: no data.');
    expect(drawnPoints(data)).toBe(5);
  });
});

describe('chart palette', () => {
  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    expect(luminance('#ffffff')).toBe(1);
    expect(() => luminance('blue')).toThrow();
  });

  it('keeps every series colour at 3:1 or more on light and dark surfaces', () => {
    for (const colour of SERIES_COLOURS) {
      expect(contrastRatio(colour, LIGHT_SURFACE), `${colour} on light`).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour, DARK_SURFACE), `${colour} on dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives series different dash patterns', () => {
    expect(seriesDash(0)).toEqual([]);
    expect(seriesDash(1)).not.toEqual(seriesDash(0));
  });
});
