// npm run bench [-- filter] [-- --json[=file]]: runs every bench/*.bench.ts (each default-exports a Bench) and prints
// one table, with the machine's load average. --json also writes the figures, the load beside each group and the
// machine to a file (default bench-results/<time>.json), so that runs can be compared.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Bench, BenchFigure } from './types'

type Row = BenchFigure & { group: string }

interface GroupLoad {
  group: string
  file: string
  /** The 1, 5 and 15 minute load averages when the group started and when it ended. */
  loadBefore: number[]
  loadAfter: number[]
  seconds: number
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const jsonArg = args.find((a) => a === '--json' || a.startsWith('--json='))
  const filter = args.find((a) => !a.startsWith('--'))
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !filter || f.includes(filter))
    .sort()
  const startedAt = new Date()
  const rows: Row[] = []
  const loads: GroupLoad[] = []
  for (const f of files) {
    const mod = (await import(path.join(__dirname, f))) as { default: Bench }
    const bench = mod.default
    process.stderr.write(`running ${bench.title} (${f})...\n`)
    const loadBefore = os.loadavg()
    const t0 = performance.now()
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
    loads.push({
      group: bench.title,
      file: f,
      loadBefore,
      loadAfter: os.loadavg(),
      seconds: (performance.now() - t0) / 1000,
    })
  }
  printTable(rows)
  for (const l of loads)
    console.log(`load average (1/5/15 min) ${fmtLoad(l.loadBefore)} -> ${fmtLoad(l.loadAfter)}: ${l.file}`)
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`)
  if (jsonArg) {
    const file =
      jsonArg === '--json'
        ? path.join('bench-results', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
        : jsonArg.slice('--json='.length)
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    fs.writeFileSync(file, JSON.stringify(report(startedAt, filter, rows, loads), null, 2) + '\n')
    console.log(`figures written to ${file}`)
  }
  if (rows.some((r) => r.name === 'FAILED')) process.exitCode = 1
}

function report(startedAt: Date, filter: string | undefined, rows: Row[], loads: GroupLoad[]): unknown {
  return {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    filter: filter ?? null,
    commit: gitCommit(),
    machine: {
      platform: `${os.platform()} ${os.release()}`,
      arch: os.arch(),
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? null,
      memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
    },
    groups: loads,
    // NaN (a figure that is only a note) is written as null
    figures: rows.map((r) => ({ ...r, value: Number.isFinite(r.value) ? r.value : null })),
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: __dirname, encoding: 'utf8' }).trim()
  } catch {
    return null
  }
}

function fmtLoad(l: number[]): string {
  return l.map((x) => x.toFixed(2)).join('/')
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return v === v ? String(v) : '-'
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US')
  if (Math.abs(v) >= 10) return v.toFixed(1)
  return v.toFixed(3)
}

function printTable(rows: Row[]): void {
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
