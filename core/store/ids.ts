import { randomBytes } from 'node:crypto'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A ULID-like id: 10 characters of millisecond time then 16 random characters (Crockford base32),
 * so ids sort by creation time and never collide in practice.
 */
export function newId(now: number = Date.now()): string {
  let time = ''
  let t = now
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time
    t = Math.floor(t / 32)
  }
  const bytes = randomBytes(16)
  let rand = ''
  for (let i = 0; i < 16; i++) rand += CROCKFORD[bytes[i]! % 32]
  return time + rand
}

/** The workspace key of a workspace drafted offline that has no cloud id yet. */
export function newLocalWorkspaceKey(): string {
  return `local-${newId()}`
}

export function isLocalWorkspaceKey(key: string): boolean {
  return key.startsWith('local-')
}
