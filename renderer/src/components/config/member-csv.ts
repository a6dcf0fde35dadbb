import { OWNER_ROLE, type Member } from '@shared/domain'

/** Why a pasted line was refused; `key` is under `config.members.csv` in the UI catalog. */
export type CsvRefusal =
  | { key: 'format' }
  | { key: 'userId' }
  | { key: 'duplicateRow' }
  | { key: 'exists' }
  | { key: 'noRoles' }
  | { key: 'unknownRole'; role: string }
  | { key: 'ownerRole' }

export type CsvRow =
  | { line: number; userId: string; ok: true; member: Member }
  | { line: number; userId: string; ok: false; refusal: CsvRefusal }

const USER_ID = /^[A-Za-z0-9_.:@-]{1,128}$/
const unquote = (s: string): string =>
  s
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim()

/**
 * Parses pasted member CSV: one `userId,roles` or `userId,userName,roles` per line, roles separated by `;` or
 * `|` (M1: several roles); the user name (the RAM user's login name) is kept for display. `resolveRole` maps what the user typed (an ID or a role name) to a role ID. A header line
 * (`userId,roles`) and blank lines are skipped. Every other line is added or refused with the reason:
 * bad format, invalid user ID, repeated line, already a member, no role (M5), unknown role, or the
 * owner role (M6: never granted).
 */
export function parseMemberCsv(
  text: string,
  existing: ReadonlySet<string>,
  resolveRole: (token: string) => string | undefined,
): CsvRow[] {
  const rows: CsvRow[] = []
  const seen = new Set<string>()
  const lines = text.split(/\r?\n/)
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!.trim()
    if (raw === '') continue
    const line = n + 1
    const comma = raw.search(/[,\t,]/)
    if (rows.length === 0 && /^"?user\s*id"?\s*[,\t,]/i.test(raw)) continue
    if (comma <= 0) {
      rows.push({ line, userId: unquote(raw), ok: false, refusal: { key: 'format' } })
      continue
    }
    const userId = unquote(raw.slice(0, comma))
    // A second separator: the middle field is the user name (roles never hold a comma).
    const rest = raw.slice(comma + 1)
    const second = rest.search(/[,\t,]/)
    const userName = second >= 0 ? unquote(rest.slice(0, second)) : ''
    const roleText = second >= 0 ? rest.slice(second + 1) : rest
    const refuse = (refusal: CsvRefusal): void => void rows.push({ line, userId, ok: false, refusal })
    if (!USER_ID.test(userId)) {
      refuse({ key: 'userId' })
      continue
    }
    if (seen.has(userId)) {
      refuse({ key: 'duplicateRow' })
      continue
    }
    seen.add(userId)
    if (existing.has(userId)) {
      refuse({ key: 'exists' })
      continue
    }
    const tokens = unquote(roleText)
      .split(/[;|]/)
      .map((s) => s.trim())
      .filter((s) => s !== '')
    if (tokens.length === 0) {
      refuse({ key: 'noRoles' })
      continue
    }
    const roles: string[] = []
    let refusal: CsvRefusal | undefined
    for (const token of tokens) {
      const role = resolveRole(token)
      if (role === undefined) {
        refusal = { key: 'unknownRole', role: token.slice(0, 64) }
        break
      }
      if (role === OWNER_ROLE) {
        refusal = { key: 'ownerRole' }
        break
      }
      if (!roles.includes(role)) roles.push(role)
    }
    if (refusal) refuse(refusal)
    else {
      const member: Member = { userId, roles: roles as Member['roles'], ...(userName ? { userName } : {}) }
      rows.push({ line, userId, ok: true, member })
    }
  }
  return rows
}
