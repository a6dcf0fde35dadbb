/** One figure a benchmark prints. `target` says what we aim at, in words (e.g. "< 5 ms"). */
export interface BenchFigure {
  name: string
  value: number
  unit: string
  target?: string
  /** Whether the figure meets its target, when one is set. */
  ok?: boolean
  note?: string
}

export interface Bench {
  /** Shown as the group heading. */
  title: string
  run(): Promise<BenchFigure[]>
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}
