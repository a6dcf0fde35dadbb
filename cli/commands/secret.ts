import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'
import { CliError, EXIT } from '../exit-codes'
import { table } from '../output'
import { readSecret, secretPrompt } from '../secret-input'
import type { Session } from '../session'

/**
 * `secret set|list|delete`: the DingTalk signing secrets [加签] of a profile, in its keychain, named by the
 * refs that bundles use (`secretRef`). A value is read from stdin or a hidden prompt only, never from an
 * argument, and never printed: `list` shows refs.
 */

/** The secret of `secret set REF`: piped, or typed at a hidden prompt (streams given by tests). */
export function readSigningSecret(
  locale: Locale,
  ref: string,
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  return readSecret(secretPrompt(locale, 'dingtalkRef', { ref }), stdin, stderr)
}

export async function secretSet(s: Session, ref: string, o: { profile: string }): Promise<void> {
  const profileId = await s.profileId(o.profile)
  const secret = await readSigningSecret(s.locale, ref)
  const res = await s.call('secrets.setDingtalk', { profileId, ref, secret })
  s.out.result({ profile: o.profile, ...res }, () =>
    formatMessage(s.locale, 'CLI_SECRET_SET', { ref, profile: o.profile }),
  )
}

export async function secretList(s: Session, o: { profile: string }): Promise<void> {
  const profileId = await s.profileId(o.profile)
  const { refs } = await s.call('secrets.listDingtalk', { profileId })
  s.out.result({ profile: o.profile, refs }, () =>
    refs.length === 0
      ? formatMessage(s.locale, 'CLI_SECRET_NONE', { profile: o.profile })
      : table(
          ['SECRET REF'],
          refs.map((r) => [r]),
        ),
  )
}

export async function secretDelete(s: Session, ref: string, o: { profile: string }): Promise<void> {
  const profileId = await s.profileId(o.profile)
  const res = await s.call('secrets.deleteDingtalk', { profileId, ref })
  if (!res.deleted) throw new CliError('CLI_SECRET_NOT_FOUND', { ref, profile: o.profile }, EXIT.invalid)
  s.out.result({ profile: o.profile, ...res }, () =>
    formatMessage(s.locale, 'CLI_SECRET_DELETED', { ref, profile: o.profile }),
  )
}
