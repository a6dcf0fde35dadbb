import { stringify } from 'csv-stringify/sync'
import type { AccessChangePlan, AccessChangeRequest, AccessQuery } from '@shared/ipc/channels/access'
import { printable } from '@shared/printable'
import { CliError, EXIT, ExitWith } from '../exit-codes'
import { table } from '../output'
import type { Session } from '../session'
import { allRows, HEADERS } from '../../core/services/access-export'
import { refresh } from './workspace'

export interface AccessListOptions {
  user?: string
  role?: string[]
  workspace?: string
  profile?: string
  allProfiles?: boolean
  adminsOnly?: boolean
  minWorkspaces?: string
  notRefreshedDays?: string
  offline?: boolean
}

export interface AccessChangeOptions {
  user?: string[]
  role?: string[]
  workspace?: string[]
  from?: string
  to?: string[]
  profile?: string
  offline?: boolean
  yes?: boolean
  timeout?: string
}

/** The profiles a command reads: one (--profile), or every one (--all-profiles, the default). */
async function profilesOf(s: Session, o: { profile?: string; offline?: boolean }): Promise<string[] | undefined> {
  const ids = o.profile ? [await s.profileId(o.profile)] : (await s.call('profiles.list', {})).profiles.map((p) => p.id)
  for (const id of ids) await refresh(s, id, o.offline)
  return o.profile ? ids : undefined
}

const int = (v: string | undefined, flag: string): number | undefined => {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isFinite(n) || n < 0) throw new CliError('CLI_USAGE', { detail: `${flag} takes a number` })
  return n
}

/** `access list`: users by workspaces from the cache of every profile (or one), as a table, JSON or CSV. */
export async function accessList(s: Session, o: AccessListOptions): Promise<void> {
  if (o.profile && o.allProfiles) throw new CliError('CLI_USAGE', { detail: '--profile or --all-profiles, not both' })
  const profileIds = await profilesOf(s, o)
  const q: AccessQuery = {}
  if (o.user) q.user = o.user
  if (o.role?.length) q.roles = o.role
  if (o.workspace) q.workspace = o.workspace
  if (profileIds) q.profileIds = profileIds
  if (o.adminsOnly) q.adminsOnly = true
  const min = int(o.minWorkspaces, '--min-workspaces')
  if (min !== undefined) q.minWorkspaces = Math.max(1, Math.trunc(min))
  const days = int(o.notRefreshedDays, '--not-refreshed-days')
  if (days !== undefined) q.notRefreshedDays = days
  const body = await allRows((offset) => s.call('access.overview', { ...q, offset, limit: 1000 }))
  const header = HEADERS[s.locale]
  if (s.out.mode === 'csv') {
    s.out.content(stringify([header, ...body]))
    return
  }
  const json = body.map((r) => ({
    user: r[0],
    userId: r[1],
    workspace: r[2],
    workspaceId: r[3],
    profile: r[4],
    region: r[5],
    roles: r[6] ? r[6].split('; ') : [],
    owner: r[7] === 'yes',
    fetchedAt: r[8] || null,
  }))
  s.out.result({ total: json.length, rows: json }, () =>
    body.length
      ? table(
          header.map((h) => h.toUpperCase()),
          body,
        )
      : 'No membership matches.',
  )
}

type Ref = { profileId: string; workspaceId: string }

/** Workspace names (or IDs) to references, in the one profile given or in every profile; ambiguous is refused. */
async function workspaceRefs(s: Session, names: readonly string[], profileIds: string[] | undefined): Promise<Ref[]> {
  const ids = profileIds ?? (await s.call('profiles.list', {})).profiles.map((p) => p.id)
  const out: Ref[] = []
  for (const name of names) {
    const found: Ref[] = []
    for (const profileId of ids) {
      const page = await s.call('workspaces.list', { profileId, query: name, limit: 10_000 })
      for (const r of page.rows)
        if (r.workspaceId && (r.name === name || r.workspaceId === name))
          found.push({ profileId, workspaceId: r.workspaceId })
    }
    if (found.length === 0) throw new CliError('ACCESS_WORKSPACE_UNKNOWN', { workspace: name })
    if (found.length > 1)
      throw new CliError('CLI_USAGE', { detail: `workspace ${name} is in several profiles: add --profile` })
    out.push(found[0]!)
  }
  return out
}

const age = (ms: number | null): string =>
  ms === null
    ? 'never'
    : ms < 3_600_000
      ? `${Math.round(ms / 60_000)} min`
      : ms < 86_400_000
        ? `${Math.round(ms / 3_600_000)} h`
        : `${Math.round(ms / 86_400_000)} d`

function renderPlan(p: AccessChangePlan): string {
  const out = [
    table(
      ['WORKSPACE', 'PROFILE', 'APPLY', 'REFUSED', 'CONFLICT', 'CACHE AGE'],
      p.parts.map((x) => [
        x.workspaceName,
        x.profileId,
        x.counts.apply,
        x.counts.refused,
        x.counts.conflict,
        age(x.cacheAgeMs),
      ]),
    ),
  ]
  for (const x of p.parts) {
    for (const a of x.actions.filter((a) => a.kind !== 'apply'))
      out.push(
        `  ${printable(x.workspaceName)}: x ${a.target} ${a.verb}${a.ruleId ? ` [${a.ruleId}]` : ''} ${a.message ?? ''}`,
      )
    for (const r of x.refused)
      out.push(
        `  ${printable(x.workspaceName)}: x ${r.userId} ${r.verb}${r.ruleId ? ` [${r.ruleId}]` : ''} ${r.message}. ${r.instead}`,
      )
    for (const e of x.problems) out.push(`  ${printable(x.workspaceName)}: ! [${e.ruleId}] ${e.code} ${e.pointer}`)
  }
  out.push(`Total: ${p.counts.apply} to apply, ${p.counts.refused} refused, ${p.counts.conflict} in conflict.`)
  return out.join('\n')
}

/** `access grant|revoke|offboard|copy`: drafts and one combined plan; `--yes` applies it and follows every run. */
export async function accessChange(
  s: Session,
  kind: AccessChangeRequest['kind'],
  o: AccessChangeOptions,
): Promise<void> {
  const profileIds = await profilesOf(s, o)
  const users = o.user ?? []
  const roles = o.role ?? []
  const need = (v: unknown[], flag: string): void => {
    if (v.length === 0) throw new CliError('CLI_USAGE', { detail: `${flag} is required` })
  }
  let req: AccessChangeRequest
  if (kind === 'grant') {
    need(users, '--user')
    need(roles, '--role')
    need(o.workspace ?? [], '--workspace')
    req = { kind, userIds: users, roles, workspaces: await workspaceRefs(s, o.workspace!, profileIds) }
  } else if (kind === 'revoke') {
    need(users, '--user')
    need(roles, '--role')
    req = { kind, userIds: users, roles }
    if (o.workspace?.length) req.workspaces = await workspaceRefs(s, o.workspace, profileIds)
  } else if (kind === 'offboard') {
    if (users.length !== 1) throw new CliError('CLI_USAGE', { detail: 'offboard takes one --user' })
    req = { kind, userId: users[0]! }
  } else {
    if (!o.from) throw new CliError('CLI_USAGE', { detail: '--from is required' })
    need(o.to ?? [], '--to')
    const [from] = await workspaceRefs(s, [o.from], profileIds)
    req = { kind: 'copy', from: from!, to: await workspaceRefs(s, o.to!, profileIds) }
  }
  const plan = await s.call('access.change', req)
  const refused = plan.counts.refused > 0 ? EXIT.invalid : EXIT.ok
  if (plan.counts.conflict > 0) {
    s.out.result({ applied: false, plan }, () => renderPlan(plan) + '\nConflicts: nothing was applied.')
    throw new ExitWith(EXIT.conflict)
  }
  if (!o.yes || plan.counts.apply === 0) {
    s.out.result(
      { applied: false, plan },
      () =>
        renderPlan(plan) + (plan.counts.apply ? '\nThe drafts wait on 待同步变更; run again with --yes to apply.' : ''),
    )
    if (refused) throw new ExitWith(refused)
    return
  }
  await s.call('access.apply', { changeId: plan.changeId, fingerprint: plan.fingerprint })
  const deadline = Date.now() + Number(o.timeout ?? '600') * 1000
  let progress = await s.call('access.progress', { changeId: plan.changeId })
  s.out.progress(`Applying: ${progress.done}/${progress.total}`)
  while (!progress.finished && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200))
    progress = await s.call('access.progress', { changeId: plan.changeId })
    s.out.progress(`Applying: ${progress.done}/${progress.total}`)
  }
  s.out.endProgress()
  s.out.result({ applied: true, plan, progress }, () =>
    [renderPlan(plan), `Applied: ${progress.done}/${progress.total} done, ${progress.failed} failed.`].join('\n'),
  )
  if (!progress.finished || progress.failed > 0) throw new ExitWith(EXIT.cloud)
  if (refused) throw new ExitWith(refused)
}
