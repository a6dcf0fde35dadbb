import type { ProfileView } from '@shared/ipc/channels/profiles'
import { table } from '../output'
import { readSecret } from '../secret-input'
import type { Session } from '../session'

export interface ProfileAddOptions {
  region: string
  accessKeyId: string
  endpoint?: string
  protocol?: 'http' | 'https'
  proxy?: string
}

const row = (p: ProfileView) => [
  p.name,
  p.region,
  p.endpoint ?? '',
  p.protocol,
  p.accessKeyId,
  p.hasSecret ? 'yes' : 'no',
  p.active ? '*' : '',
]
const HEAD = ['NAME', 'REGION', 'ENDPOINT', 'PROTOCOL', 'ACCESS KEY ID', 'SECRET', 'ACTIVE']

/** `profile add`: the secret comes from stdin or a hidden prompt, and goes only to the keychain. */
export async function profileAdd(s: Session, name: string, o: ProfileAddOptions): Promise<void> {
  const accessKeySecret = await readSecret('AccessKey Secret', 'AccessKey Secret: ')
  const p = await s.call('profiles.add', {
    name,
    region: o.region,
    accessKeyId: o.accessKeyId,
    endpoint: o.endpoint ?? null,
    protocol: o.protocol ?? 'https',
    proxy: o.proxy ?? null,
    accessKeySecret,
  })
  s.out.result(p, () => table(HEAD, [row(p)]))
}

export async function profileList(s: Session): Promise<void> {
  const res = await s.call('profiles.list', {})
  s.out.result(res, () =>
    res.profiles.length === 0
      ? 'No profiles. Add one: pai-admin profile add NAME --region R --access-key-id ID'
      : table(HEAD, res.profiles.map(row)),
  )
  if (res.keychainError) s.out.note(res.keychainError.message)
}

export async function profileRemove(s: Session, name: string): Promise<void> {
  const id = await s.profileId(name)
  const res = await s.call('profiles.remove', { id })
  s.out.result(
    { name, ...res },
    () => `Removed profile ${name} (${res.deletedDrafts} drafts, ${res.deletedSecrets} keychain entries).`,
  )
}
