import querystring from 'node:querystring'
import type { Caller, EmulatorCore } from './core'
import { EmuError, bad, conflict, forbidden, header, int, notFound, obj, str, type Incoming } from './http'
import type { BusRec, RuleRec, TargetRec, TenantRec } from './model'

/**
 * EventBridge 2020-04-01 (RPC): `POST /`, the action in `x-acs-action` (or `Action`), every parameter
 * in the query (or a form body); arrays and objects arrive as one JSON string (docs/pai-api-facts.md §5.2).
 */

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,126}$/
const RULE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,126}$/

function params(inc: Incoming): Record<string, string> {
  const out = { ...inc.query }
  if (inc.body.length > 0 && (header(inc, 'content-type') ?? '').includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of Object.entries(querystring.parse(inc.body.toString('utf8'))))
      out[k] = Array.isArray(v) ? (v[v.length - 1] ?? '') : (v ?? '')
  }
  return out
}

function json(v: string | undefined, name: string): unknown {
  if (v === undefined) return undefined
  try {
    return JSON.parse(v)
  } catch {
    throw bad('InvalidArgument', `The parameter ${name} is not valid JSON.`)
  }
}

function bus(t: TenantRec, name: string | undefined): BusRec {
  const b = name ? t.buses[name] : undefined
  if (!b) throw notFound('EventBusNotExist', `The event bus [${name ?? ''}] not existed!`)
  return b
}

function rule(b: BusRec, name: string | undefined): RuleRec {
  const r = name ? b.rules[name] : undefined
  if (!r) throw notFound('EventRuleNotExisted', 'The event rule not existed!')
  return r
}

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

function targets(v: string | undefined, name: string): TargetRec[] {
  const parsed = json(v, name)
  if (parsed === undefined) return []
  if (!Array.isArray(parsed)) throw bad('InvalidArgument', `${name} must be a JSON array.`)
  return parsed.map(target)
}

function filterPattern(v: string | undefined): string {
  const p = str(v, 'FilterPattern', true)
  let parsed: unknown
  try {
    parsed = JSON.parse(p)
  } catch {
    throw bad('EventRuleFilterPatternSchemaError', 'The FilterPattern is not valid JSON.')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw bad('EventRuleFilterPatternSchemaError', 'The FilterPattern must be a JSON object.')
  return p
}

function arn(core: EmulatorCore, t: TenantRec, busName: string, ruleName?: string): string {
  return `acs:eventbridge:${core.opts.region}:${t.uid}:eventbus/${busName}${ruleName ? `/rule/${ruleName}` : ''}`
}

function paged<T>(items: T[], p: Record<string, string>): { page: T[]; next: string } {
  const limit = int(p.Limit, 'Limit', 10, 1, 100)
  const offset = p.NextToken ? int(p.NextToken, 'NextToken', 0, 0) : 0
  const page = items.slice(offset, offset + limit)
  return { page, next: offset + limit < items.length ? String(offset + limit) : '' }
}

function targetView(t: TargetRec, busName?: string, ruleName?: string): Record<string, unknown> {
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

function ruleView(core: EmulatorCore, t: TenantRec, b: BusRec, r: RuleRec): Record<string, unknown> {
  return {
    RuleName: r.RuleName,
    EventBusName: b.EventBusName,
    Description: r.Description,
    FilterPattern: r.FilterPattern,
    Status: r.Status,
    RuleARN: arn(core, t, b.EventBusName, r.RuleName),
    CreatedTimestamp: r.CreatedTimestamp,
    Targets: r.targets.map((x) => targetView(x)),
  }
}

type Handler = (core: EmulatorCore, t: TenantRec, p: Record<string, string>, now: number) => unknown

/** Upserts targets by Id; the per-rule quota (E6) and duplicate Ids come back as ErrorEntries. */
function putTargetsInto(
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

const HANDLERS: Record<string, { mutating: boolean; run: Handler }> = {
  CreateEventBus: {
    mutating: true,
    run(core, t, p, now) {
      const name = str(p.EventBusName, 'EventBusName', true)
      core.countCreate(`CreateEventBus:${t.uid}/${name}`)
      if (!NAME_RE.test(name) || name === 'default' || name.startsWith('eventbridge-reserved-'))
        throw bad('InvalidArgument', `The event bus name ${name} is invalid.`)
      if (t.buses[name]) throw conflict('EventBusAlreadyExist', `The event bus [${name}] already existed!`)
      if (Object.keys(t.buses).length >= 50)
        throw bad('EventBusExceedLimit', 'An account has at most 50 custom event buses per region.')
      t.buses[name] = {
        EventBusName: name,
        Description: str(p.Description, 'Description') ?? '',
        CreateTimestamp: now,
        rules: {},
      }
      return { EventBusARN: arn(core, t, name) }
    },
  },
  GetEventBus: {
    mutating: false,
    run(core, t, p) {
      const b = bus(t, str(p.EventBusName, 'EventBusName', true))
      return {
        EventBusName: b.EventBusName,
        Description: b.Description,
        EventBusARN: arn(core, t, b.EventBusName),
        CreateTimestamp: b.CreateTimestamp,
      }
    },
  },
  ListEventBuses: {
    mutating: false,
    run(core, t, p) {
      const all = Object.values(t.buses)
        .filter((b) => !p.NamePrefix || b.EventBusName.startsWith(p.NamePrefix))
        .sort((a, b) => a.EventBusName.localeCompare(b.EventBusName))
      const { page, next } = paged(all, p)
      return {
        EventBuses: page.map((b) => ({
          EventBusName: b.EventBusName,
          Description: b.Description,
          EventBusARN: arn(core, t, b.EventBusName),
          CreateTimestamp: b.CreateTimestamp,
        })),
        NextToken: next,
        Total: all.length,
      }
    },
  },
  DeleteEventBus: {
    mutating: true,
    run(_core, t, p) {
      const name = str(p.EventBusName, 'EventBusName', true)
      if (!t.buses[name]) return false
      delete t.buses[name]
      return true
    },
  },
  CreateRule: {
    mutating: true,
    run(core, t, p, now) {
      const busName = str(p.EventBusName, 'EventBusName', true)
      const name = str(p.RuleName, 'RuleName', true)
      core.countCreate(`CreateRule:${t.uid}/${busName}/${name}`)
      const b = bus(t, busName)
      if (!RULE_RE.test(name)) throw bad('InvalidArgument', `The rule name ${name} is invalid.`)
      if (b.rules[name]) throw conflict('EventRuleNameDuplicate', `The event rule [${name}] already existed!`)
      if (Object.keys(b.rules).length >= 50) throw bad('EventRuleExceedLimit', 'An event bus has at most 50 rules.')
      const status = str(p.Status, 'Status') ?? 'ENABLE'
      if (status !== 'ENABLE' && status !== 'DISABLE') throw bad('InvalidArgument', 'Status must be ENABLE or DISABLE.')
      const r: RuleRec = {
        RuleName: name,
        Description: str(p.Description, 'Description') ?? '',
        FilterPattern: filterPattern(p.FilterPattern),
        Status: status,
        CreatedTimestamp: now,
        targets: [],
      }
      const list = targets(p.EventTargets, 'EventTargets')
      const res = putTargetsInto(core, r, list)
      if (res.ErrorEntriesCount > 0) throw bad(res.ErrorEntries[0]!.ErrorCode, res.ErrorEntries[0]!.ErrorMessage)
      b.rules[name] = r
      return { RuleARN: arn(core, t, busName, name) }
    },
  },
  GetRule: {
    mutating: false,
    run(core, t, p) {
      const b = bus(t, str(p.EventBusName, 'EventBusName', true))
      return ruleView(core, t, b, rule(b, str(p.RuleName, 'RuleName', true)))
    },
  },
  UpdateRule: {
    mutating: true,
    run(_core, t, p) {
      const b = bus(t, str(p.EventBusName, 'EventBusName', true))
      const r = rule(b, str(p.RuleName, 'RuleName', true))
      // UpdateRule replaces the pattern and the description (docs/pai-api-facts.md §5.2): an absent Description clears it.
      r.FilterPattern = filterPattern(p.FilterPattern)
      r.Description = p.Description ?? ''
      if (p.Status !== undefined) {
        if (p.Status !== 'ENABLE' && p.Status !== 'DISABLE')
          throw bad('InvalidArgument', 'Status must be ENABLE or DISABLE.')
        r.Status = p.Status
      }
      return true
    },
  },
  EnableRule: {
    mutating: true,
    run(_core, t, p) {
      const b = bus(t, str(p.EventBusName, 'EventBusName', true))
      rule(b, str(p.RuleName, 'RuleName', true)).Status = 'ENABLE'
      return true
    },
  },
  DisableRule: {
    mutating: true,
    run(_core, t, p) {
      const b = bus(t, str(p.EventBusName, 'EventBusName', true))
      rule(b, str(p.RuleName, 'RuleName', true)).Status = 'DISABLE'
      return true
    },
  },
  DeleteRule: {
    mutating: true,
    run(_core, t, p) {
      const b = bus(t, str(p.EventBusName, 'EventBusName', true))
      const r = rule(b, str(p.RuleName, 'RuleName', true))
      delete b.rules[r.RuleName]
      return true
    },
  },
  ListRules: {
    mutating: false,
    run(core, t, p) {
      const b = bus(t, str(p.EventBusName, 'EventBusName', true))
      const all = Object.values(b.rules)
        .filter((r) => !p.RuleNamePrefix || r.RuleName.startsWith(p.RuleNamePrefix))
        .sort((x, y) => x.RuleName.localeCompare(y.RuleName))
      const { page, next } = paged(all, p)
      return { Rules: page.map((r) => ruleView(core, t, b, r)), NextToken: next, Total: all.length }
    },
  },
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

/** Parses targets as PutTargets takes them (for seeding rules made elsewhere). */
export const parseTargets = (list: unknown[]): TargetRec[] => list.map(target)

export function handleEventBridge(
  core: EmulatorCore,
  inc: Incoming,
  caller: Caller,
  action: string,
  now: number,
): unknown {
  const h = HANDLERS[action]
  if (!h) throw new EmuError(404, 'InvalidAction.NotFound', `Specified api ${action} is not found.`)
  if (inc.method !== 'POST' && inc.method !== 'GET') throw bad('InvalidMethod', 'EventBridge actions take POST.')
  if (!caller.tenant.eventBridge)
    throw forbidden(
      'ServiceNotEnable',
      'EventBridge is not activated for this account: activate it and authorize PAI first.',
    )
  if (!core.hasPolicy(caller, 'AliyunEventBridgeFullAccess'))
    throw forbidden(
      'AccessDenied',
      `The RAM user ${caller.account.name} is not authorized to perform eventbridge:${action}.`,
    )
  const data = h.run(core, caller.tenant, params(inc), now)
  if (h.mutating) core.dirty()
  return { Code: 'Success', Message: '', Success: true, Data: data }
}
