import type { EmulatorCore } from '../core'
import { bad, conflict, str } from '../http'
import type { BusRec, RuleRec, TenantRec } from '../model'
import { arn, bus, paged, rule, type Handlers } from './request'
import { putTargetsInto, targetView, targets } from './targets'

/** EventBridge rules: created with their targets, read, updated (pattern and description), enabled, deleted, listed. */

const RULE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,126}$/

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

export const ruleHandlers: Handlers = {
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
}
