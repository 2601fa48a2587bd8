// What a chart shows, as data: the table view of the same figures and a one-line summary for its label.

export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
}

export interface ChartData {
  /** Category or x labels (hours, days, buckets, tiers). */
  labels: readonly string[];
  series: readonly ChartSeries[];
}

/** Header of the table view: the x label's name, then one column per series. */
export function chartTableHeaders(data: ChartData, xLabel: string): string[] {
  return [xLabel, ...data.series.map((s) => s.label)];
}

/** Rows of the table view: each label with every series' value at it (missing values as an em dash). */
export function chartTableRows(data: ChartData, format: (value: number) => string = String): string[][] {
  return data.labels.map((label, i) => [label, ...data.series.map((s) => (s.values[i] === null || s.values[i] === undefined ? '—' : format(s.values[i]!)))]);
}

/** "Hourly activity: 24 points, 2 series (Submissions, Anomalies); highest Anomalies 7 at 09." */
export function chartSummary(title: string, data: ChartData): string {
  if (data.labels.length === 0) return `${title}: no data.`;
  let best: { series: string; value: number; label: string } | null = null;
  for (const s of data.series) {
    s.values.forEach((v, i) => {
      if (v !== null && v !== undefined && (best === null || v > best.value)) best = { series: s.label, value: v, label: data.labels[i]! };
    });
  }
  const head = `${title}: ${data.labels.length} ${data.labels.length === 1 ? 'point' : 'points'}, ${data.series.map((s) => s.label).join(', ')}`;
  const top = best as { series: string; value: number; label: string } | null;
  return top ? `${head}; highest ${top.series} ${top.value} at ${top.label}.` : `${head}.`;
}

/** Points that are drawn: non-null values over every series. */
export function drawnPoints(data: ChartData): number {
  return data.series.reduce((sum, s) => sum + s.values.filter((v) => v !== null && v !== undefined).length, 0);
}
