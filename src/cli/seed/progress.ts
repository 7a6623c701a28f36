/** A progress bar on a terminal, or a line every 10% when the output is a log file or CI. */
export class Progress {
  private done = 0;
  private lastDecile = -1;
  private readonly started = Date.now();
  private readonly tty = Boolean(process.stdout.isTTY);

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  tick(n: number): void {
    this.done += n;
    const frac = this.total ? Math.min(1, this.done / this.total) : 1;
    const rate = this.done / Math.max(0.001, (Date.now() - this.started) / 1000);
    const percent = (frac * 100).toFixed(0).padStart(3);
    const text = `${this.label.padEnd(16)} ${percent}% ${this.done}/${this.total} (${fmt(rate)} rows/s)`;
    if (this.tty) {
      const width = 30;
      const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
      process.stdout.write(`\r[${bar}] ${text}`);
      if (frac === 1) process.stdout.write('\n');
    } else {
      const decile = Math.floor(frac * 10);
      if (decile !== this.lastDecile) {
        this.lastDecile = decile;
        process.stdout.write(`${text}\n`);
      }
    }
  }
}

const fmt = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(1)}k` : n.toFixed(0));
