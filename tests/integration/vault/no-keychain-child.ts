// Run with no reachable D-Bus session (see vault.test.ts): prints, as JSON, how the vault and the
// profiles channels behave. argv[2]: a data dir for the core.
import { AppError } from '@shared/ipc/errors'
import { createCore } from '../../../core/core'
import { Vault } from '../../../core/vault'

async function attempt(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: true, value: await fn() }
  } catch (err) {
    return err instanceof AppError
      ? { ok: false, code: err.code, ruleId: err.ruleId, en: err.toPayload('en').message }
      : { ok: false, other: String(err) }
  }
}

async function main(): Promise<void> {
  const v = new Vault({ service: 'pai-workspace-admin-nobus-test' })
  const core = createCore({
    dataDir: process.argv[2]!,
    runtime: 'test',
    keychainService: 'pai-workspace-admin-nobus-test',
  })
  const base = { region: 'cn-hangzhou', accessKeyId: 'LTAI5tNoBus0001' }
  const out = {
    set: await attempt(() => v.set('p1', 'accessKeySecret', 'would-be-secret')),
    get: await attempt(() => v.get('p1', 'accessKeySecret')),
    list: await attempt(() => v.list()),
    delete: await attempt(() => v.delete('p1', 'accessKeySecret')),
    addWithSecret: await core.call(
      'profiles.add',
      { name: 'with-secret', ...base, accessKeySecret: 'would-be-secret' },
      { locale: 'en' },
    ),
    addWithout: await core.call('profiles.add', { name: 'without', ...base }, { locale: 'en' }),
    listProfiles: await core.call('profiles.list', {}, { locale: 'en' }),
    profileNames: core.services.store.profiles.list().map((p) => p.name),
  }
  await core.close()
  process.stdout.write(JSON.stringify(out))
}
void main()
