import type { Caller, EmulatorCore } from '../core'
import { EmuError, bad, forbidden, type Incoming } from '../http'
import { busHandlers } from './buses'
import { params, type Handlers } from './request'
import { ruleHandlers } from './rules'
import { targetHandlers } from './targets'

export { parseTargets } from './targets'

/**
 * EventBridge 2020-04-01 (RPC): `POST /`, the action in `x-acs-action` (or `Action`), every parameter
 * in the query (or a form body); arrays and objects arrive as one JSON string (docs/pai-api-facts.md §5.2).
 */

const HANDLERS: Handlers = { ...busHandlers, ...ruleHandlers, ...targetHandlers }

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
