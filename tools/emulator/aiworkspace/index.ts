import { unknownApi, type Caller, type EmulatorCore } from '../core'
import { bad, header, type Incoming } from '../http'
import { configRoutes } from './configs'
import { memberRoutes } from './members'
import { resourceRoutes } from './resources'
import { roleRoutes } from './roles'
import type { Route } from './route'
import { workspaceRoutes } from './workspaces'

/** AIWorkSpace 2021-02-04 (ROA): routed by method and path; `x-acs-action` must name the same operation. */
const ROUTES: Route[] = [...workspaceRoutes, ...memberRoutes, ...resourceRoutes, ...configRoutes, ...roleRoutes]

export function aiWorkspaceAction(inc: Incoming): string | undefined {
  return header(inc, 'x-acs-action')
}

export function handleAiWorkspace(core: EmulatorCore, inc: Incoming, caller: Caller, now: number): unknown {
  let params: Record<string, string> | undefined
  const route = ROUTES.find((r) => {
    if (r.method !== inc.method) return false
    const m = r.path.exec(inc.rawPath)
    if (!m) return false
    params = {}
    for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = decodeURIComponent(v)
    return true
  })
  if (!route || !params) throw unknownApi(inc)
  const action = header(inc, 'x-acs-action')
  if (action !== route.action)
    throw bad(
      'InvalidAction.Mismatch',
      `x-acs-action ${action ?? '(none)'} does not match ${inc.method} ${inc.rawPath} (${route.action}).`,
    )
  core.requirePai(caller, route.action)
  const body = route.handle({ core, inc, caller, now, params })
  if (route.mutating) core.dirty()
  return body
}
