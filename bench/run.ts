// npm run bench [-- filter]: runs every bench/*.bench.ts (each default-exports a Bench) and prints one table.
import fs from 'node:fs'
import path from 'node:path'
import type { Bench, BenchFigure } from './types'

async function main(): Promise<void> {
  const filter = process.argv[2]
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !filter || f.includes(filter))
    .sort()
  const rows: Array<BenchFigure & { group: string }> = []
  for (const f of files) {
    const mod = (await import(path.join(__dirname, f))) as { default: Bench }
    const bench = mod.default
    process.stderr.write(`running ${bench.title} (${f})...\n`)
    try {
      for (const fig of await bench.run()) rows.push({ group: bench.title, ...fig })
    } catch (err) {
      rows.push({
        group: bench.title,
        name: 'FAILED',
        value: NaN,
        unit: '',
        note: err instanceof Error ? err.message : String(err),
      })
    }
  }
  printTable(rows)
  if (rows.some((r) => r.name === 'FAILED')) process.exitCode = 1
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v)
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US')
  if (Math.abs(v) >= 10) return v.toFixed(1)
  return v.toFixed(3)
}

function printTable(rows: Array<BenchFigure & { group: string }>): void {
  const header = ['benchmark', 'figure', 'value', 'unit', 'target', 'meets', 'note']
  const body = rows.map((r) => [
    r.group,
    r.name,
    fmt(r.value),
    r.unit,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
    r.note ?? '',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  for (const b of body) console.log(line(b))
}

void main()
