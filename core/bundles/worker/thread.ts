import { parentPort } from 'node:worker_threads'
import { diffConfigs } from '@shared/bundle'
import { checkParsed, parseBundle, type ParsedBundle } from '../check'
import { NOWHERE, type Position } from '../positions'
import type { CheckedSummary, FromWorker, ToWorker } from './protocol'

/**
 * The bundle worker thread (entry point of `out/main/bundle-worker.js`): parses and checks bundle files
 * off the core's thread, so a large or hostile file never blocks the app. Holds each open job's parsed
 * document until the core closes it.
 */

const port = parentPort
if (!port) throw new Error('the bundle worker runs in a worker thread')
const jobs = new Map<number, ParsedBundle>()
const post = (msg: FromWorker): void => port.postMessage(msg)

function handle(msg: ToWorker): void {
  if (msg.type === 'parse') {
    const parsed = parseBundle(msg.fileName, msg.text)
    jobs.set(msg.job, parsed)
    const summary: Extract<FromWorker, { type: 'parsed' }>['summary'] = {
      workspaces: parsed.workspaces.map(({ config: _c, ...meta }) => meta),
    }
    if (parsed.format) summary.format = parsed.format
    if (parsed.migratedFrom) summary.migratedFrom = parsed.migratedFrom
    if (parsed.secrets) summary.secrets = parsed.secrets
    post({ type: 'parsed', job: msg.job, summary })
    return
  }
  if (msg.type === 'close') {
    jobs.delete(msg.job)
    return
  }
  const parsed = jobs.get(msg.job)
  if (!parsed) throw new Error(`no open job ${msg.job}`)
  if (msg.type === 'positions') {
    // The pointers are in the current format; the file may be an older one (v1alpha1's `spec`).
    const found = parsed.positionsOf(msg.pointers.map(parsed.toSource))
    const positions = msg.pointers.map((p): [string, Position] => [p, found.get(parsed.toSource(p)) ?? NOWHERE])
    post({ type: 'positions', job: msg.job, positions })
    return
  }
  const targets = new Map(msg.targets)
  const summary: CheckedSummary = checkParsed(parsed, (meta) => targets.get(meta.index) ?? { problems: [] })
  if (msg.diff)
    for (const ws of summary.workspaces) {
      const t = targets.get(ws.index)
      if (!ws.config || !t || !('context' in t)) continue
      ws.changesFromDraft = t.draft ? diffConfigs(t.draft, ws.config) : []
      ws.changesFromCloud = diffConfigs(t.cloud, ws.config)
    }
  post({ type: 'checked', job: msg.job, summary })
}

port.on('message', (msg: ToWorker) => {
  try {
    handle(msg)
  } catch (err) {
    post({ type: 'failed', job: msg.job, detail: String(err instanceof Error ? err.message : err).slice(0, 300) })
  }
})
post({ type: 'ready', job: 0 })
