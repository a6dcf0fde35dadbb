import type { EmulatorCore } from '../core'
import { bad, obj, str } from '../http'
import type { RuleRec, TargetRec } from '../model'
import { bus, json, paged, rule, type Handlers } from './request'

/** EventBridge targets: parsed as PutTargets takes them, upserted under the per-rule quota (E6), listed, deleted. */

function target(raw: unknown): TargetRec {
  const o = obj(raw, 'Targets[]')
  const paramList = Array.isArray(o.ParamList)
    ? o.ParamList.map((p) => {
        const x = obj(p, 'ParamList[]')
        return {
          ResourceKey: str(x.ResourceKey, 'ParamList.ResourceKey', true),
          Form: str(x.Form, 'ParamList.Form', true),
          Value: str(x.Value, 'ParamList.Value'),
          Template: str(x.Template, 'ParamList.Template'),
        }
      })
    : []
  const known = ['Id', 'Type', 'Endpoint', 'PushRetryStrategy', 'ErrorsTolerance', 'ParamList']
  const extra = Object.fromEntries(Object.entries(o).filter(([k]) => !known.includes(k)))
  const rec: TargetRec = {
    Id: str(o.Id, 'Targets.Id', true),
    Type: str(o.Type, 'Targets.Type', true),
    Endpoint: str(o.Endpoint, 'Targets.Endpoint', true),
    PushRetryStrategy: str(o.PushRetryStrategy, 'PushRetryStrategy') ?? 'BACKOFF_RETRY',
    ErrorsTolerance: str(o.ErrorsTolerance, 'ErrorsTolerance') ?? 'ALL',
    ParamList: paramList,
  }
  if (Object.keys(extra).length > 0) rec.extra = extra
  return rec
}

export function targets(v: string | undefined, name: string): TargetRec[] {
  const parsed = json(v, name)
  if (parsed === undefined) return []
  if (!Array.isArray(parsed)) throw bad('InvalidArgument', `${name} must be a JSON array.`)
  return parsed.map(target)
}

export function targetView(t: TargetRec, busName?: string, ruleName?: string): Record<string, unknown> {
  return {
    ...(t.extra ?? {}),
    Id: t.Id,
    Type: t.Type,
    Endpoint: t.Endpoint,
    PushRetryStrategy: t.PushRetryStrategy,
    ErrorsTolerance: t.ErrorsTolerance,
    ParamList: t.ParamList,
    PushSelector: 'PARAM_TRANSFORMER',
    ...(busName ? { EventBusName: busName, RuleName: ruleName } : {}),
  }
}

/** Upserts targets by Id; the per-rule quota (E6) and duplicate Ids come back as ErrorEntries. */
export function putTargetsInto(
  core: EmulatorCore,
  r: RuleRec,
  list: TargetRec[],
): { ErrorEntriesCount: number; ErrorEntries: Array<{ EntryId: string; ErrorCode: string; ErrorMessage: string }> } {
  const errors: Array<{ EntryId: string; ErrorCode: string; ErrorMessage: string }> = []
  const seen = new Set<string>()
  for (const tg of list) {
    if (seen.has(tg.Id)) {
      errors.push({
        EntryId: tg.Id,
        ErrorCode: 'EventRuleTargetIdDuplicate',
        ErrorMessage: `The target id ${tg.Id} is duplicated.`,
      })
      continue
    }
    seen.add(tg.Id)
    const i = r.targets.findIndex((x) => x.Id === tg.Id)
    if (i >= 0) r.targets[i] = tg
    else if (r.targets.length >= core.opts.ruleTargetQuota)
      errors.push({
        EntryId: tg.Id,
        ErrorCode: 'EventRuleTargetsExceedLimit',
        ErrorMessage: `A rule has at most ${core.opts.ruleTargetQuota} targets.`,
      })
    else r.targets.push(tg)
  }
  return { ErrorEntriesCount: errors.length, ErrorEntries: errors }
}

/** Parses targets as PutTargets takes them (for seeding rules made elsewhere). */
export const parseTargets = (list: unknown[]): TargetRec[] => list.map(target)

export const targetHandlers: Handlers = {
  PutTargets: {
    mutating: true,
    run(core, t, p) {
      const b = bus(t, str(p.EventBusName, 'EventBusName', true))
      const r = rule(b, str(p.RuleName, 'RuleName', true))
      const list = targets(str(p.Targets, 'Targets', true), 'Targets')
      if (list.length === 0) throw bad('InvalidArgument', 'Targets is empty.')
      return putTargetsInto(core, r, list)
    },
  },
  ListTargets: {
    mutating: false,
    run(_core, t, p) {
      let busName = p.EventBusName
      let ruleName = p.RuleName
      if (p.Arn) {
        const m = /eventbus\/([^/]+)\/rule\/([^/]+)$/.exec(p.Arn)
        if (!m) throw bad('InvalidArgument', 'The Arn is not a rule ARN.')
        busName = m[1]
        ruleName = m[2]
      }
      const b = bus(t, str(busName, 'EventBusName', true))
      const r = rule(b, str(ruleName, 'RuleName', true))
      const { page, next } = paged(r.targets, p)
      return {
        Targets: page.map((x) => targetView(x, b.EventBusName, r.RuleName)),
        NextToken: next,
        Total: r.targets.length,
      }
    },
  },
  DeleteTargets: {
    mutating: true,
    run(_core, t, p) {
      const b = bus(t, str(p.EventBusName, 'EventBusName', true))
      const r = rule(b, str(p.RuleName, 'RuleName', true))
      const ids = json(str(p.TargetIds, 'TargetIds', true), 'TargetIds')
      if (!Array.isArray(ids)) throw bad('InvalidArgument', 'TargetIds must be a JSON array.')
      const errors: Array<{ EntryId: string; ErrorCode: string; ErrorMessage: string }> = []
      for (const id of ids.map(String)) {
        const i = r.targets.findIndex((x) => x.Id === id)
        if (i < 0)
          errors.push({
            EntryId: id,
            ErrorCode: 'EventTargetNotExisted',
            ErrorMessage: `The target ${id} not existed!`,
          })
        else r.targets.splice(i, 1)
      }
      return { ErrorEntriesCount: errors.length, ErrorEntries: errors }
    },
  },
}
