import type { Plan } from '@shared/ipc/channels/sync'
import { consoleMadeWorkspace, type EmuState, type RunningEmulator } from '../../../tools/emulator'
import { encodeDraftKey } from '../../../core/model/draft-key'
import { USERS, openEngine, type Engine } from './harness'

/**
 * What the issue-13 tests share: an engine over a console-made workspace (tools/emulator/seeds/console.ts), the
 * emulator's record of it, the writes its request log holds, and one plan-apply-wait cycle.
 */

const [u1, u2] = [USERS[0]!.UserId, USERS[1]!.UserId]

/** An engine (closed by the caller through `engines`), and a console-made workspace it has refreshed. */
export async function consoleWorkspace(
  emu: RunningEmulator,
  engines: Engine[],
  name: string,
): Promise<{ e: Engine; id: string; key: string }> {
  const { workspaces } = emu.seed({
    users: USERS,
    workspaces: [consoleMadeWorkspace(name, { developer: u1, admin: u2 })],
  })
  const e = openEngine({ endpoint: emu.endpoint })
  engines.push(e)
  await e.sync.refresh(e.profileId)
  const id = workspaces[0]!.WorkspaceId
  return { e, id, key: encodeDraftKey({ profileId: e.profileId, workspaceKey: id }) }
}

/** The emulator's record of one workspace and of its bus (rules and targets), as JSON. */
export function cloudOf(state: EmuState, name: string): { ws: Record<string, unknown>; bus: unknown } {
  const t = Object.values(state.tenants).find((x) => Object.values(x.workspaces).some((w) => w.WorkspaceName === name))!
  const ws = Object.values(t.workspaces).find((w) => w.WorkspaceName === name)!
  return {
    ws: structuredClone(ws) as unknown as Record<string, unknown>,
    bus: structuredClone(t.buses[`pai-system-${name}`]),
  }
}

export const ids = (p: Plan): string[] => p.actions.map((a) => `${a.kind}:${a.id}`).sort()

/** The writes in the emulator's request log (every call but Get* / List* and robot messages), as sent. */
export const writes = (emu: RunningEmulator): Array<{ action: string; body: unknown; query: Record<string, string> }> =>
  emu
    .requests()
    .filter((r) => r.service !== 'robot' && !/^(Get|List)/.test(r.action))
    .map((r) => ({ action: r.action, body: r.sent?.body, query: r.sent?.query ?? {} }))

/** Plans the draft, applies that plan and waits for the run. */
export async function sync(
  e: Engine,
  key: string,
): Promise<{ plan: Plan; status: Awaited<ReturnType<Engine['sync']['waitForRun']>> }> {
  const plan = e.sync.plan(key)
  const { runId } = e.sync.apply(key, plan.fingerprint)
  return { plan, status: await e.sync.waitForRun(runId, { timeoutMs: 60_000 }) }
}
