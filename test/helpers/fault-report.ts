/**
 * The one line a fault suite ends with, e.g.
 * `faults-web: inputs tried 23, failures survived 21, stories lost 0, alerts duplicated 0`.
 * Every figure is counted from what the suite observed; the suite asserts the ones that must be 0.
 */
export class FaultTally {
  private readonly counts = new Map<string, number>();

  /** `labels` fixes the figures and their order in the line; each starts at 0. */
  constructor(
    readonly suite: string,
    labels: readonly string[],
  ) {
    for (const label of labels) this.counts.set(label, 0);
  }

  /** Adds `n` to a figure; an unknown label is a mistake in the suite, not a new figure. */
  add(label: string, n = 1): void {
    const current = this.counts.get(label);
    if (current === undefined) throw new Error(`${this.suite}: no figure named "${label}"`);
    this.counts.set(label, current + n);
  }

  /** Sets a figure to a value observed at the end (a count of stored items, say). */
  set(label: string, value: number): void {
    this.add(label, value - this.get(label));
  }

  get(label: string): number {
    const value = this.counts.get(label);
    if (value === undefined) throw new Error(`${this.suite}: no figure named "${label}"`);
    return value;
  }

  line(): string {
    return `${this.suite}: ${[...this.counts].map(([label, n]) => `${label} ${n}`).join(', ')}`;
  }

  /** Prints the line on its own and returns it. */
  print(): string {
    const line = this.line();
    console.log(line);
    return line;
  }
}
