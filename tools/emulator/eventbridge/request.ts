import querystring from 'node:querystring'
import type { EmulatorCore } from '../core'
import { bad, header, int, notFound, type Incoming } from '../http'
import type { BusRec, RuleRec, TenantRec } from '../model'

/** EventBridge requests: the parameters (query or form, JSON strings), the bus and rule they name, paging, ARNs. */

export function params(inc: Incoming): Record<string, string> {
  const out = { ...inc.query }
  if (inc.body.length > 0 && (header(inc, 'content-type') ?? '').includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of Object.entries(querystring.parse(inc.body.toString('utf8'))))
      out[k] = Array.isArray(v) ? (v[v.length - 1] ?? '') : (v ?? '')
  }
  return out
}

export function json(v: string | undefined, name: string): unknown {
  if (v === undefined) return undefined
  try {
    return JSON.parse(v)
  } catch {
    throw bad('InvalidArgument', `The parameter ${name} is not valid JSON.`)
  }
}

export function bus(t: TenantRec, name: string | undefined): BusRec {
  const b = name ? t.buses[name] : undefined
  if (!b) throw notFound('EventBusNotExist', `The event bus [${name ?? ''}] not existed!`)
  return b
}

export function rule(b: BusRec, name: string | undefined): RuleRec {
  const r = name ? b.rules[name] : undefined
  if (!r) throw notFound('EventRuleNotExisted', 'The event rule not existed!')
  return r
}

export function arn(core: EmulatorCore, t: TenantRec, busName: string, ruleName?: string): string {
  return `acs:eventbridge:${core.opts.region}:${t.uid}:eventbus/${busName}${ruleName ? `/rule/${ruleName}` : ''}`
}

export function paged<T>(items: T[], p: Record<string, string>): { page: T[]; next: string } {
  const limit = int(p.Limit, 'Limit', 10, 1, 100)
  const offset = p.NextToken ? int(p.NextToken, 'NextToken', 0, 0) : 0
  const page = items.slice(offset, offset + limit)
  return { page, next: offset + limit < items.length ? String(offset + limit) : '' }
}

type Handler = (core: EmulatorCore, t: TenantRec, p: Record<string, string>, now: number) => unknown

/** The actions of one concern: whether each changes the state (saved after it), and what it does. */
export type Handlers = Record<string, { mutating: boolean; run: Handler }>
