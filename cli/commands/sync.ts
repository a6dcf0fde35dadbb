import type { BundlePreview } from '@shared/ipc/channels/bundles'
import type { Plan, RunStatus } from '@shared/ipc/channels/sync'
import { formatProblemLine } from '../../core/bundles/problems'
import { CliError, EXIT, exitCodeFor, ExitWith } from '../exit-codes'
import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'
import { opErrorText } from '@shared/messages/op-error'
import { describeAction } from '@shared/plan/describe'
import {
  GROUP_NAMES,
  changeKindOf,
  countChanges,
  groupActions,
  planSummary,
  rowsOf,
  type ChangeKind,
} from '@shared/plan/summary'
import { printable } from '@shared/printable'
import { confirm, readSecret, secretPrompt } from '../secret-input'
import type { Session } from '../session'
import { printProblems, readBundleFile } from './bundle'
import { applyingText, senderNote } from './runs'
import { refresh } from './workspace'

export interface PlanOptions {
  profile: string
  offline?: boolean
  passphraseStdin?: boolean
}

/** A plan, with the workspace name it is for. */
type NamedPlan = Plan & { name: string }

interface Planned {
  plans: NamedPlan[]
  preview: BundlePreview
}

/**
 * Like Terraform: refresh the cloud state, read the bundle (every problem at once), make it the drafts
 * (import sends nothing), then plan each draft against the refreshed cache.
 */
async function planBundle(s: Session, file: string, o: PlanOptions): Promise<Planned> {
  const read = readBundleFile(file)
  if ('problem' in read) {
    s.out.result({ ok: false, problems: read.problem }, () => read.problem.map(formatProblemLine).join('\n'))
    throw new ExitWith(EXIT.invalid)
  }
  const profileId = await s.profileId(o.profile)
  await refresh(s, profileId, o.offline)
  const passphrase = o.passphraseStdin ? await readSecret(secretPrompt(s.locale, 'passphrase')) : undefined
  const req = { fileName: file, content: read.text, profileId, ...(passphrase ? { passphrase } : {}) }
  const preview = await s.call('bundles.preview', req)
  if (!preview.ok) {
    s.out.result({ ok: false, problems: preview.problems }, () => printProblems(s.locale, preview.problems))
    throw new ExitWith(EXIT.invalid)
  }
  // Every signing secret the bundle names must be in the profile's keychain (or carried by the bundle)
  // before anything is imported or sent: an apply must not stop half-way at a target without its secret.
  const missing = [
    ...new Set(preview.problems.filter((p) => p.code === 'BUNDLE_SECRET_REF_MISSING').map((p) => String(p.params.ref))),
  ].sort()
  if (missing.length > 0)
    throw new CliError(
      'SECRET_REFS_MISSING',
      { refs: missing, count: missing.length, profile: o.profile },
      EXIT.invalid,
      'D2',
    )
  const expectRevisions: Record<string, number> = {}
  for (const w of preview.workspaces)
    if (w.key && w.draftRevision !== undefined) expectRevisions[w.key] = w.draftRevision
  const imported = await s.call('bundles.import', { ...req, expectRevisions })
  const plans: NamedPlan[] = []
  for (const d of imported.drafts) plans.push({ ...(await s.call('sync.plan', { key: d.key })), name: d.name })
  return { plans, preview }
}

const SYMBOL: Record<ChangeKind, string> = {
  create: '+',
  change: '~',
  remove: '-',
  manual: '!',
  refused: 'x',
  conflict: '?',
}

/**
 * The plans as `terraform plan` prints them, in the console's words (the screen's sentences, from the same shared
 * function): each workspace's actions grouped by area, one symbol and sentence a line, the reason under a refused
 * one, and the summary line.
 */
function renderPlans(locale: Locale, plans: NamedPlan[]): string {
  const out: string[] = []
  for (const p of plans) {
    const name = printable(p.name)
    if (p.actions.length === 0) {
      out.push(locale === 'zh-CN' ? `${name}:没有变更。` : `${name}: no changes.`)
      continue
    }
    out.push(`${name}${p.creating ? (locale === 'zh-CN' ? '(新建工作空间)' : ' (new workspace)') : ''}:`)
    for (const g of groupActions(p.actions)) {
      out.push(`  ${GROUP_NAMES[locale][g.group]}`)
      for (const a of rowsOf(g.actions)) {
        out.push(printable(`    ${SYMBOL[changeKindOf(a)]} ${describeAction(a, locale)}`))
        if (a.message) out.push(printable(`        ${a.message}`))
      }
    }
    out.push(planSummary(countChanges(p.actions), locale))
  }
  return out.join('\n')
}

function totals(plans: Plan[]): Plan['counts'] {
  const t = { apply: 0, manual: 0, refused: 0, conflict: 0 }
  for (const p of plans) for (const k of Object.keys(t) as Array<keyof typeof t>) t[k] += p.counts[k]
  return t
}

/** The exit code a plan deserves: conflicts 4, refused actions 1, else 0. */
function planExit(t: Plan['counts']): 0 | 1 | 4 {
  if (t.conflict > 0) return EXIT.conflict
  if (t.refused > 0) return EXIT.invalid
  return EXIT.ok
}

/** `plan FILE --profile P`. */
export async function planCommand(s: Session, file: string, o: PlanOptions): Promise<void> {
  const { plans } = await planBundle(s, file, o)
  const t = totals(plans)
  s.out.result({ plans, totals: t }, () => renderPlans(s.locale, plans))
  const code = planExit(t)
  if (code !== EXIT.ok) throw new ExitWith(code)
}

/** `apply FILE --profile P [--yes]`: plan, confirm, queue, and follow the run to its end. */
export async function applyCommand(
  s: Session,
  file: string,
  o: PlanOptions & { yes?: boolean; timeout?: string },
): Promise<void> {
  const { plans } = await planBundle(s, file, o)
  const t = totals(plans)
  const code = planExit(t)
  if (code !== EXIT.ok) {
    s.out.result(
      { applied: false, plans, totals: t },
      () =>
        renderPlans(s.locale, plans) + `\n${t.conflict > 0 ? 'Conflicts' : 'Refused actions'}: nothing was applied.`,
    )
    throw new ExitWith(code)
  }
  const todo = plans.filter((p) => p.counts.apply > 0)
  if (todo.length === 0) {
    s.out.result(
      { applied: true, plans, totals: t, runs: [] },
      () => renderPlans(s.locale, plans) + '\nNothing to apply.',
    )
    return
  }
  if (s.out.mode !== 'json') s.out.note(renderPlans(s.locale, plans))
  if (!o.yes) {
    if (!process.stdin.isTTY) throw new CliError('CLI_APPLY_NEEDS_YES', {}, EXIT.invalid)
    if (!(await confirm(formatMessage(s.locale, 'CLI_APPLY_CONFIRM', { count: t.apply }))))
      throw new CliError('CLI_APPLY_DECLINED', {}, EXIT.invalid)
  }
  const timeoutMs = (Number(o.timeout ?? '600') || 600) * 1000
  const runs: Array<{ key: string; name: string; runId: string; status: RunStatus }> = []
  let worst: 0 | 3 | 4 = 0
  for (const p of todo) {
    const { runId, queued } = await s.call('sync.apply', { key: p.key, planFingerprint: p.fingerprint })
    const status = await follow(s, runId, queued, timeoutMs)
    runs.push({ key: p.key, name: p.name, runId, status })
    for (const op of status.ops) {
      if (op.status !== 'failed' && op.status !== 'blocked') continue
      const c = exitCodeFor(op.lastError?.code ?? 'CLOUD_SERVER')
      worst = c === EXIT.conflict ? EXIT.conflict : worst === EXIT.conflict ? worst : EXIT.cloud
    }
  }
  s.out.result({ applied: worst === 0, runs }, () =>
    runs
      .map((r) => {
        const failed = r.status.ops.filter((op) => op.status === 'failed' || op.status === 'blocked')
        const lines = [
          `${printable(r.name)}: run ${r.runId}: ${Object.entries(r.status.counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}`,
        ]
        for (const op of failed)
          lines.push(
            printable(
              `  ${op.kind} ${op.subject?.label ?? op.subject?.target ?? ''}: ${op.status} ${op.lastError?.code ?? ''} ${op.lastError ? opErrorText(s.locale, op.lastError) : ''}${op.lastError?.requestId ? ` (RequestId ${op.lastError.requestId})` : ''}`,
            ),
          )
        return lines.join('\n')
      })
      .join('\n'),
  )
  if (worst !== 0) throw new ExitWith(worst)
}

async function follow(s: Session, runId: string, queued: number, timeoutMs: number): Promise<RunStatus> {
  const started = Date.now()
  let told = false
  try {
    for (;;) {
      const st = await s.call('sync.status', { runId })
      // Another process (the desktop app) may be this data folder's sender: the run waits in its queue.
      const note = told ? null : senderNote(s.locale, st.sender)
      told = true
      if (note) s.out.note(note)
      const done = st.ops.filter((op) => op.status === 'done').length
      s.out.progress(`${applyingText(s.locale, done, queued || st.ops.length)} ${bar(done, queued || st.ops.length)}`)
      if (st.finished) return st
      if (Date.now() - started > timeoutMs) throw new CliError('CLOUD_TIMEOUT', {}, EXIT.cloud)
      await new Promise((r) => setTimeout(r, 200))
    }
  } finally {
    s.out.endProgress()
  }
}

function bar(done: number, total: number): string {
  const n = total === 0 ? 20 : Math.round((done / total) * 20)
  return `[${'#'.repeat(n)}${'.'.repeat(20 - n)}]`
}
