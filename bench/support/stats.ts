/** Small statistics and reporting helpers every benchmark prints with. */
export const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
};
export const median = (values: number[]): number => quantile(values, 0.5);
export const p95 = (values: number[]): number => quantile(values, 0.95);

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

export function report(
  rows: {
    workload: string;
    median: number;
    p95: number;
    unit: string;
    baseline?: number;
    goal?: string;
    pass?: boolean;
  }[],
): void {
  console.log(
    '\nworkload'.padEnd(44) +
      'median'.padStart(12) +
      'p95'.padStart(12) +
      'baseline'.padStart(12) +
      'ratio'.padStart(9) +
      '  goal',
  );
  for (const r of rows) {
    const ratio = r.baseline ? (r.median / r.baseline).toFixed(2) : '-';
    console.log(
      r.workload.padEnd(43) +
        `${r.median.toFixed(2)} ${r.unit}`.padStart(12) +
        `${r.p95.toFixed(2)} ${r.unit}`.padStart(12) +
        (r.baseline !== undefined ? `${r.baseline.toFixed(2)} ${r.unit}` : '-').padStart(12) +
        ratio.padStart(9) +
        (r.goal ? `  ${r.goal} ${r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL'}` : ''),
    );
  }
}

export const fmt = (ms: number): string => ms.toFixed(2);

/** Median over `runs` passes of each pass's p50 and p95: one slow or lucky pass moves neither figure. */
export async function passes(
  runs: number,
  pass: (i: number) => Promise<number[]>,
): Promise<{ p50: number; p95: number; p50s: number[]; p95s: number[] }> {
  const p50s: number[] = [];
  const p95s: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const times = await pass(i);
    p50s.push(quantile(times, 0.5));
    p95s.push(quantile(times, 0.95));
  }
  return { p50: median(p50s), p95: median(p95s), p50s, p95s };
}
