import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { AppError } from '@shared/ipc/errors'
import type { WorkspaceMeta } from '../check'
import type { RawProblem } from '../problems'
import type { CheckedSummary, FromWorker, ParsedSummary, TargetWithDiff, ToWorker } from './protocol'

/**
 * Checks bundle files in a worker thread, so that the core (which runs in Electron's main process) keeps
 * answering while a large or hostile file is parsed. One worker, started on first use and stopped when idle;
 * one file at a time. A file that takes longer than the time bound, or more memory than the heap bound, ends
 * the worker and is refused (BUNDLE_TOO_COMPLEX); the next file gets a fresh worker.
 */

export interface CheckHooks {
  /** Where each workspace goes (read from the store between the phases, on the core's thread). */
  targetOf: (meta: WorkspaceMeta, parsed: ParsedSummary) => TargetWithDiff
  /** Also compare each configuration with its draft and cloud copy (the import preview). */
  diff?: boolean
  /** Problems the caller adds once the workspaces are checked; the worker places them on their lines. */
  more?: (parsed: ParsedSummary, checked: CheckedSummary) => Promise<RawProblem[]>
  /** The time bound of each phase of this file, when not the checker's. */
  timeoutMs?: number
}

export type OffThreadCheck = Omit<ParsedSummary, 'workspaces'> & CheckedSummary & { ok: boolean }

export interface CheckerOptions {
  /** Time bound of one phase of one file (default 120 s). */
  timeoutMs?: number
  /** Stop the worker after this long without work (default 30 s). */
  idleMs?: number
  /** Heap bound of the worker (default 1536 MiB; a 16 MiB file needs about 800). */
  maxHeapMb?: number
}

/** How long a worker may take to load (a cold start from the TypeScript sources compiles the checker). */
const STARTUP_MS = 60_000

type Reply<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>

/** The worker: the built entry next to the bundled core, or the TypeScript entry (tests, tsx) through tsx. */
function spawnWorker(maxHeapMb: number): Worker {
  const opts = { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } }
  if (!__filename.endsWith('.ts')) {
    const built = [__dirname, path.dirname(__dirname)]
      .map((d) => path.join(d, 'bundle-worker.js'))
      .find((f) => fs.existsSync(f))
    if (!built) throw new Error('bundle-worker.js is missing next to the core')
    return new Worker(built, opts)
  }
  const entry = path.join(__dirname, 'thread.ts')
  const tsconfig = path.resolve(__dirname, '../../../tsconfig.node.json')
  const boot = `process.env.TSX_TSCONFIG_PATH = ${JSON.stringify(tsconfig)}; require('tsx/cjs/api').register(); require(${JSON.stringify(entry)})`
  return new Worker(boot, { ...opts, eval: true })
}

export class BundleChecker {
  private worker: Worker | undefined
  private starting: Promise<Worker> | undefined
  private waiting: { job: number; resolve: (m: FromWorker) => void; reject: (e: unknown) => void } | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private nextJob = 1
  private idle: NodeJS.Timeout | undefined
  private readonly timeoutMs: number
  private readonly idleMs: number
  private readonly maxHeapMb: number

  constructor(opts: CheckerOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 120_000
    this.idleMs = opts.idleMs ?? 30_000
    this.maxHeapMb = opts.maxHeapMb ?? 1536
  }

  /** Reads and checks one bundle file off this thread; files are checked one after another. */
  check(fileName: string, text: string, hooks: CheckHooks): Promise<OffThreadCheck> {
    const run = this.queue.then(() => this.run(fileName, text, hooks))
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Stops the worker (a check in progress fails). */
  async close(): Promise<void> {
    clearTimeout(this.idle)
    const w = this.worker
    this.worker = undefined
    this.starting = undefined
    if (w) await w.terminate()
  }

  private async run(fileName: string, text: string, hooks: CheckHooks): Promise<OffThreadCheck> {
    clearTimeout(this.idle)
    const job = this.nextJob++
    const bound = hooks.timeoutMs ?? this.timeoutMs
    try {
      const { summary: parsed } = await this.ask({ type: 'parse', job, fileName, text }, 'parsed', bound)
      const targets = parsed.workspaces.map((meta): [number, TargetWithDiff] => [
        meta.index,
        hooks.targetOf(meta, parsed),
      ])
      const check: ToWorker = { type: 'check', job, targets, diff: hooks.diff ?? false }
      const { summary: checked } = await this.ask(check, 'checked', bound)
      const more = hooks.more ? await hooks.more(parsed, checked) : []
      if (more.length > 0) {
        const { positions } = await this.ask(
          { type: 'positions', job, pointers: more.map((p) => p.pointer) },
          'positions',
          bound,
        )
        const at = new Map(positions)
        for (const p of more) p.at ??= at.get(p.pointer) ?? { line: 0, column: 0 }
        checked.problems.push(...more)
      }
      return { ...parsed, ...checked, ok: !checked.problems.some((p) => p.severity === 'error') }
    } finally {
      this.worker?.postMessage({ type: 'close', job } satisfies ToWorker)
      this.idle = setTimeout(() => void this.close(), this.idleMs)
      this.idle.unref()
    }
  }

  /** The worker, started (and loaded: its start-up is not part of any file's time bound) on first use. */
  private start(): Promise<Worker> {
    this.starting ??= new Promise<Worker>((resolve, reject) => {
      const w = spawnWorker(this.maxHeapMb)
      w.unref()
      const timer = setTimeout(() => {
        void w.terminate()
        reject(new Error('the bundle worker did not start'))
      }, STARTUP_MS)
      w.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          clearTimeout(timer)
          resolve(w)
        } else if (this.waiting?.job === m.job) this.waiting.resolve(m)
      })
      const lost = (err: unknown): void => {
        clearTimeout(timer)
        if (this.worker === w) {
          this.worker = undefined
          this.starting = undefined
        }
        reject(err)
        const waiting = this.waiting
        this.waiting = undefined
        waiting?.reject(err)
      }
      w.on('error', (err) => lost(err))
      w.on('exit', (code) => lost(new Error(`the bundle worker stopped (exit code ${code})`)))
      this.worker = w
    })
    return this.starting
  }

  /** Sends one message of a job and waits for its reply, within the time bound. */
  private async ask<T extends FromWorker['type']>(msg: ToWorker, expect: T, timeoutMs: number): Promise<Reply<T>> {
    const w = await this.start()
    return new Promise<Reply<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined
        void this.close()
        reject(new AppError('BUNDLE_TOO_COMPLEX', { ruleId: 'D4' }))
      }, timeoutMs)
      this.waiting = {
        job: msg.job,
        resolve: (m) => {
          clearTimeout(timer)
          this.waiting = undefined
          if (m.type === expect) resolve(m as Reply<T>)
          else reject(new Error(m.type === 'failed' ? m.detail : `unexpected answer ${m.type}`))
        },
        reject: (err) => {
          clearTimeout(timer)
          const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
          reject(oom ? new AppError('BUNDLE_TOO_COMPLEX', { ruleId: 'D4', cause: err }) : err)
        },
      }
      w.postMessage(msg)
    })
  }
}
