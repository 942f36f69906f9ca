// The e2e bench's chart: latency percentile curves, one per measured run, as a hand-written SVG a
// person can open in a browser. x is the percentile on a "nines" scale (x = -log10(1 - p/100), so
// 90%, 99%, 99.9% are evenly spaced, as HdrHistogram plots are), y is latency in microseconds on a
// log scale (a stall of 100 ms and a median of 50 µs both stay readable).
import { writeFileSync } from 'node:fs';
import type { LatencyHistogram } from './latency-histogram';

export interface ChartSeries {
  label: string;
  /** Latencies in nanoseconds. */
  histogram: LatencyHistogram;
}

const WIDTH = 900;
const HEIGHT = 520;
const LEFT = 80;
const RIGHT = 260;
const TOP = 50;
const BOTTOM = 60;
const COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const X_TICKS = [
  { nines: 0, label: '0%' },
  { nines: 1, label: '90%' },
  { nines: 2, label: '99%' },
  { nines: 3, label: '99.9%' },
  { nines: 4, label: '99.99%' },
  { nines: 5, label: '99.999%' },
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function formatMicros(us: number): string {
  if (us >= 1000) return `${+(us / 1000).toPrecision(3)} ms`;
  return `${+us.toPrecision(3)} µs`;
}

/** Writes the chart to `file`. */
export function writeLatencyChart(file: string, title: string, subtitle: string, series: readonly ChartSeries[]): void {
  const drawn = series.filter((s) => s.histogram.count > 0);
  // The deepest percentile worth drawing: the samples must reach it (1 - 1/count).
  const maxCount = Math.max(1, ...drawn.map((s) => s.histogram.count));
  const xMax = Math.min(5, Math.max(1, Math.ceil(Math.log10(maxCount))));
  const allUs = drawn.flatMap((s) => [s.histogram.min / 1000, s.histogram.max / 1000]);
  const yMin = 10 ** Math.floor(Math.log10(Math.max(1, Math.min(...allUs, 1e9))));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(yMin * 10, ...allUs)));
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const xOf = (nines: number): number => LEFT + (nines / xMax) * plotW;
  const yOf = (us: number): number => TOP + plotH - ((Math.log10(Math.max(us, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * plotH;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`);
  parts.push(`<text x="${LEFT}" y="22" font-size="16" font-weight="bold">${escapeXml(title)}</text>`);
  parts.push(`<text x="${LEFT}" y="40" fill="#555">${escapeXml(subtitle)}</text>`);

  // grid and axes
  for (const tick of X_TICKS.filter((t) => t.nines <= xMax)) {
    const x = xOf(tick.nines);
    parts.push(`<line x1="${x}" y1="${TOP}" x2="${x}" y2="${TOP + plotH}" stroke="#ddd"/>`);
    parts.push(`<text x="${x}" y="${TOP + plotH + 18}" text-anchor="middle">${tick.label}</text>`);
  }
  for (let decade = yMin; decade <= yMax; decade *= 10) {
    for (const m of [1, 2, 5]) {
      const us = decade * m;
      if (us > yMax) break;
      const y = yOf(us);
      parts.push(`<line x1="${LEFT}" y1="${y}" x2="${LEFT + plotW}" y2="${y}" stroke="${m === 1 ? '#ccc' : '#eee'}"/>`);
      parts.push(`<text x="${LEFT - 6}" y="${y + 4}" text-anchor="end">${formatMicros(us)}</text>`);
    }
  }
  parts.push(`<rect x="${LEFT}" y="${TOP}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${LEFT + plotW / 2}" y="${HEIGHT - 15}" text-anchor="middle">percentile (log scale of nines)</text>`);
  parts.push(`<text transform="translate(18 ${TOP + plotH / 2}) rotate(-90)" text-anchor="middle">latency, first ExecutionReport − scheduled send (µs, log scale)</text>`);

  // one curve per run, sampled every 0.02 nines
  drawn.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const points: string[] = [];
    for (let k = 0; k <= xMax * 50; k++) {
      const nines = k / 50;
      const p = 100 * (1 - 10 ** -nines);
      points.push(`${xOf(nines).toFixed(1)},${yOf(s.histogram.percentile(p) / 1000).toFixed(1)}`);
    }
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.join(' ')}"/>`);
    const h = s.histogram;
    const ly = TOP + 10 + i * 64;
    const lx = LEFT + plotW + 16;
    parts.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${color}" stroke-width="3"/>`);
    parts.push(`<text x="${lx + 30}" y="${ly + 4}" font-weight="bold">${escapeXml(s.label)}</text>`);
    parts.push(
      `<text x="${lx + 30}" y="${ly + 20}" fill="#444">p50 ${formatMicros(h.percentile(50) / 1000)}, p99 ${formatMicros(h.percentile(99) / 1000)}</text>`,
    );
    parts.push(
      `<text x="${lx + 30}" y="${ly + 36}" fill="#444">p99.9 ${formatMicros(h.percentile(99.9) / 1000)}, max ${formatMicros(h.max / 1000)}</text>`,
    );
    parts.push(`<text x="${lx + 30}" y="${ly + 52}" fill="#444">${h.count.toLocaleString('en-US')} samples</text>`);
  });
  if (drawn.length === 0) parts.push(`<text x="${LEFT + plotW / 2}" y="${TOP + plotH / 2}" text-anchor="middle">no samples</text>`);
  parts.push('</svg>');
  writeFileSync(file, parts.join('\n') + '\n');
}
