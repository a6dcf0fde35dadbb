// Run with no reachable D-Bus session: prints how each vault call failed, as JSON (see vault.test.ts).
import { AppError } from '@shared/ipc/errors'
import { Vault } from '../../../electron/core/vault'

async function attempt(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: true, value: await fn() }
  } catch (err) {
    return err instanceof AppError ? { ok: false, code: err.code, ruleId: err.ruleId, en: err.toPayload('en').message } : { ok: false, other: String(err) }
  }
}

async function main(): Promise<void> {
  const v = new Vault({ service: 'pai-workspace-admin-nobus-test' })
  const out = {
    set: await attempt(() => v.set('p1', 'accessKeySecret', 'would-be-secret')),
    get: await attempt(() => v.get('p1', 'accessKeySecret')),
    list: await attempt(() => v.list()),
    delete: await attempt(() => v.delete('p1', 'accessKeySecret')),
  }
  process.stdout.write(JSON.stringify(out))
}
void main()
