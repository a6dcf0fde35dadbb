import type { Decision, Identity, WorkspaceConfig } from '@shared/domain'
import type { ConflictField, PlanAction, PlanChange } from '@shared/ipc/channels/sync'
import { valueToChoose } from '@shared/plan/values'
import { OP_API, type OpKind, type OpPayload } from '../ops/payloads'
import { consoleSteps, type ManualTopic } from './manual'
import type { Merge } from './merge'
import type { ManualOverlay } from './overlay'

export interface PlanInput {
  region: string
  /** The draft (mine). */
  draft: WorkspaceConfig
  /** The cloud snapshot the draft was based on; null for a workspace not created yet. */
  base: WorkspaceConfig | null
  /** The cloud as cached now; null when the workspace does not exist yet (it will be created). */
  cloud: WorkspaceConfig | null
  workspaceId: string | undefined
  identity: Identity
  /** The identity's roles in this workspace (from the cache). */
  identityRoles: string[]
  /** Settings with no API that the user confirmed doing in the console (laid over the cloud state). */
  manualOverlay?: ManualOverlay
}

/** What every area's planner reads: the three states (the cloud with the overlay laid over it). */
export interface PlanContext {
  input: PlanInput
  mine: WorkspaceConfig
  base: WorkspaceConfig
  cloud: WorkspaceConfig
  creating: boolean
  /** The workspace's name (the draft's when creating, else the cloud's). */
  wsName: string
}

type Area = PlanAction['area']

/** The plan's actions as the planners add them: unique, stable ids, and the dependencies every action shares. */
export class Actions {
  readonly list: PlanAction[] = []
  private readonly ids = new Set<string>()
  constructor(readonly rootDeps: string[]) {}

  push(a: Omit<PlanAction, 'dependsOn'> & { dependsOn?: string[] }): string {
    let id = a.id
    for (let n = 2; this.ids.has(id); n++) id = `${a.id}#${n}`
    this.ids.add(id)
    this.list.push({
      ...a,
      id,
      dependsOn: [...new Set([...this.rootDeps.filter((d) => d !== id), ...(a.dependsOn ?? [])])],
    })
    return id
  }

  apply<K extends OpKind>(
    area: Area,
    target: string,
    verb: string,
    kind: K,
    payload: OpPayload<K>,
    dependsOn: string[] = [],
  ): string {
    return this.push({
      id: `${area}:${target}:${verb}`,
      kind: 'apply',
      area,
      target,
      verb,
      api: OP_API[kind],
      op: { kind, payload },
      dependsOn,
    })
  }

  /** A note on an action already planned, said before anything is sent (a message code and its parameters). */
  note(id: string, code: string, params: Record<string, unknown>): void {
    const a = this.list.find((x) => x.id === id)
    if (a) Object.assign(a, { code, params })
  }

  /** What an action planned already changes, before and after (said in words by shared/plan/describe.ts). */
  changed(id: string, change: PlanChange): string {
    const a = this.list.find((x) => x.id === id)
    if (a) a.change = change
    return id
  }

  /** A call the domain refuses: the decision gives the rule, the message and its parameters. */
  refused(area: Area, target: string, verb: string, d: Decision): string {
    return this.push({
      id: `${area}:${target}:${verb}`,
      kind: 'refused',
      area,
      target,
      verb,
      ruleId: d.ruleId,
      code: d.code as string,
      params: { ...(d.params ?? {}) },
    })
  }

  conflict(area: Area, target: string, fields: ConflictField[]): string {
    return this.push({
      id: `${area}:${target}:conflict`,
      kind: 'conflict',
      area,
      target,
      verb: 'conflict',
      conflict: fields,
      code: 'SYNC_CONFLICT',
      params: { target },
    })
  }

  /**
   * A setting with no public API: console steps (zh-CN and English, the value to choose in each language) and a
   * link. `fields`: the settings it changes, before (the cloud's) and after (the draft's).
   */
  manual(
    ctx: PlanContext,
    area: Area,
    target: string,
    topic: ManualTopic,
    fields: NonNullable<PlanChange['fields']>,
  ): void {
    const value = { 'zh-CN': valueToChoose(fields, 'zh-CN'), en: valueToChoose(fields, 'en') }
    const steps: Parameters<typeof consoleSteps>[1] = { region: ctx.input.region, workspaceName: ctx.wsName, value }
    if (ctx.input.workspaceId) steps.workspaceId = ctx.input.workspaceId
    this.push({
      id: `${area}:${target}:manual`,
      kind: 'manual',
      area,
      target,
      verb: 'manual',
      code: 'SYNC_MANUAL_STEP',
      params: { topic },
      change: { fields },
      console: consoleSteps(topic, steps),
    })
  }
}

export const conflictOf = (path: string, m: Merge<unknown>): ConflictField[] =>
  m.kind === 'conflict' ? [{ path, base: m.base ?? null, mine: m.mine, cloud: m.cloud }] : []
