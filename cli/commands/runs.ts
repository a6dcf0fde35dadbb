import type { Plan, RunStatus } from '@shared/ipc/channels/sync'
import type { Locale } from '@shared/locale'
import { formatMessage, hasMessage } from '@shared/messages'
import { opErrorText } from '@shared/messages/op-error'
import { describeAction } from '@shared/plan/describe'
import { CliError, EXIT, ExitWith, exitCodeFor } from '../exit-codes'
import { table } from '../output'
import type { Session } from '../session'

const WHO: Record<string, string> = {
  electron: 'CLI_RUNS_WHO_ELECTRON',
  web: 'CLI_RUNS_WHO_WEB',
  cli: 'CLI_RUNS_WHO_CLI',
}

/** An op's status in words (`in flight`, 执行中); JSON output keeps the status as it is. */
function opStatusText(locale: Locale, status: string): string {
  const code = `CLI_OP_STATUS_${status.toUpperCase()}`
  return hasMessage(code) ? formatMessage(locale, code) : status
}

/** The progress line of a run being followed (`Applying: 2/5`). */
export function applyingText(locale: Locale, done: number, total: number): string {
  return formatMessage(locale, 'CLI_RUNS_APPLYING', { done, total })
}

/** The note for a run queued in this data folder while another process sends (null when this one does). */
export function senderNote(locale: Locale, sender: RunStatus['sender']): string | null {
  if (!sender || sender.here) return null
  if (!sender.holder) return formatMessage(locale, 'SYNC_SENDER_NONE')
  const code = WHO[sender.holder.runtime]
  const who = code ? formatMessage(locale, code) : sender.holder.runtime
  return formatMessage(locale, 'SYNC_SENDER_ELSEWHERE', { who, pid: sender.holder.pid })
}

const SYMBOL: Record<string, string> = { apply: '~', manual: '!', refused: 'x', conflict: '?' }

/** Ops that need a look: not done, or held back after a restore. */
const open = (o: RunStatus['ops'][number]): boolean => o.status !== 'done' || o.held !== undefined

/**
 * `status [--run ID] [--offline]`: the runs of this data folder with their ops not done, who sends them, and for
 * ops held back after a restored backup, what their draft would change against the cloud now (refreshed unless
 * --offline): they are never sent on their own, they need a new plan (`plan`, then `apply`) or `cancel`.
 */
export async function statusCommand(s: Session, o: { run?: string; offline?: boolean }): Promise<void> {
  const st = await s.call('sync.status', o.run ? { runId: o.run } : {})
  const held = new Map<string, Plan>()
  for (const run of st.runs ?? []) {
    if (!st.ops.some((op) => op.runId === run.runId && op.held && op.status === 'blocked')) continue
    if (!o.offline && !run.workspaceKey.startsWith('local-'))
      await s.call('sync.refresh', { profileId: run.profileId, workspaceId: run.workspaceKey })
    held.set(run.runId, await s.call('sync.plan', { key: run.key }))
  }
  const note = senderNote(s.locale, st.sender)
  s.out.result({ ...st, heldPlans: Object.fromEntries(held) }, () => {
    const lines: string[] = []
    if (note) lines.push(note)
    for (const run of st.runs ?? []) {
      const ops = st.ops.filter((op) => op.runId === run.runId)
      const counts: Record<string, number> = {}
      for (const op of ops) counts[op.status] = (counts[op.status] ?? 0) + 1
      const words = Object.entries(counts).map(([k, v]) => `${v} ${opStatusText(s.locale, k)}`)
      lines.push(
        formatMessage(s.locale, 'CLI_RUNS_RUN', {
          runId: run.runId,
          workspace: run.workspaceKey,
          createdAt: run.createdAt,
          counts: words.join(s.locale === 'zh-CN' ? ',' : ', '),
        }) + (run.settled ? '' : formatMessage(s.locale, 'CLI_RUNS_OPEN')),
      )
      const shown = ops.filter(open)
      if (shown.length)
        lines.push(
          table(
            ['  OP', 'KIND', 'STATUS', 'ATTEMPTS', 'ERROR'],
            shown.map((op) => [
              `  ${op.opId}`,
              op.kind,
              op.held ? `${opStatusText(s.locale, op.status)} (${op.held.reason})` : opStatusText(s.locale, op.status),
              op.attempts,
              op.lastError ? opErrorText(s.locale, op.lastError) : '',
            ]),
          ),
        )
      const plan = held.get(run.runId)
      if (plan) {
        lines.push(`  ${formatMessage(s.locale, 'CLI_RUNS_HELD')}`)
        if (plan.actions.length === 0) lines.push(`    ${formatMessage(s.locale, 'CLI_RUNS_HELD_NOTHING')}`)
        for (const a of plan.actions) lines.push(`    ${SYMBOL[a.kind] ?? a.kind} ${describeAction(a, s.locale)}`)
        lines.push(`  ${formatMessage(s.locale, 'CLI_RUNS_HELD_NEXT', { runId: run.runId })}`)
      }
    }
    if ((st.runs ?? []).length === 0) lines.push(formatMessage(s.locale, 'CLI_RUNS_NONE'))
    return lines.join('\n')
  })
}

/** `cancel ID`: a run (every op not sent yet) or one op (with what depends on it). */
export async function cancelCommand(s: Session, id: string): Promise<void> {
  const st = await s.call('sync.status', { runId: id })
  const r = st.ops.length > 0 ? await s.call('sync.cancel', { runId: id }) : await s.call('sync.cancel', { opId: id })
  s.out.result(r, () => formatMessage(s.locale, 'CLI_RUNS_CANCELLED', { count: r.cancelled }))
}

/**
 * `retry OP [--timeout S]`: sends a failed, blocked or cancelled op again (reconciled first, like every op sent
 * again), then follows its run to the end, as `apply` does.
 */
export async function retryCommand(s: Session, opId: string, o: { timeout?: string } = {}): Promise<void> {
  const op = (await s.call('sync.status', {})).ops.find((x) => x.opId === opId)
  if (!op) throw new CliError('OUTBOX_OP_NOT_FOUND', { opId })
  const r = await s.call('sync.retry', { opId })
  const deadline = Date.now() + (Number(o.timeout ?? '600') || 600) * 1000
  let told = false
  let st: RunStatus
  try {
    for (;;) {
      st = await s.call('sync.status', { runId: op.runId })
      const note = told ? null : senderNote(s.locale, st.sender)
      told = true
      if (note) s.out.note(note)
      const done = st.ops.filter((x) => x.status === 'done').length
      s.out.progress(applyingText(s.locale, done, st.ops.length))
      if (st.finished) break
      if (Date.now() > deadline) throw new CliError('CLOUD_TIMEOUT', {}, EXIT.cloud)
      await new Promise((res) => setTimeout(res, 200))
    }
  } finally {
    s.out.endProgress()
  }
  const now = st.ops.find((x) => x.opId === opId)
  s.out.result({ ...r, op: now }, () =>
    [
      formatMessage(s.locale, 'CLI_RUNS_RETRIED', { count: r.retried }),
      `${opId}: ${now ? opStatusText(s.locale, now.status) : '?'} ${now?.lastError?.code ?? ''}`.trimEnd(),
    ].join('\n'),
  )
  if (now && now.status !== 'done') throw new ExitWith(exitCodeFor(now.lastError?.code ?? 'CLOUD_SERVER'))
}
