import { describe, expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { ElTag } from 'element-plus'
import type { ProfileKind, ProfileView } from '@shared/ipc/channels/profiles'
import { profileExpiry } from '@shared/profile-expiry'
import ProfileCaller from '../../../renderer/src/components/profiles/ProfileCaller.vue'
import { i18n } from '../../../renderer/src/i18n'

const HOUR = 3_600_000
const caller = (expiresAt: string) => ({
  accountId: '1800000000000001',
  identityType: 'AssumedRoleUser',
  arn: 'acs:ram::1800000000000001:assumed-role/pai-admin/s',
  checkedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
  expiresAt,
})
function profile(kind: ProfileKind, expiresAt: string, stsExpiration: string | null = null): ProfileView {
  return { name: `p-${kind}`, kind, caller: caller(expiresAt), stsExpiration } as unknown as ProfileView
}

/** The profiles screen's identity cell, rendered by Vue as the app renders it (vue-i18n, Element Plus tag). */
async function render(p: ProfileView, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<string> {
  i18n.global.locale.value = locale
  const app = createSSRApp({ render: () => h(ProfileCaller, { profile: p }) })
  app.use(i18n).component('ElTag', ElTag)
  return renderToString(app)
}

describe('the expiry shown for a profile (issue 15)', () => {
  const anHourAgo = new Date(Date.now() - HOUR).toISOString()
  const inAnHour = new Date(Date.now() + HOUR).toISOString()

  it('a RAM role, OIDC, ECS or environment profile checked an hour ago is not called expired: it renews', async () => {
    for (const kind of ['ram-role-arn', 'oidc-role', 'ecs-ram-role', 'env'] as const) {
      expect(profileExpiry(profile(kind, anHourAgo))).toEqual({ state: 'renews', at: anHourAgo })
      const html = await render(profile(kind, anHourAgo))
      expect(html).not.toContain('已过期')
      expect(html).toContain('自动续期')
      expect(html).toContain('data-state="renews"')
      expect(await render(profile(kind, anHourAgo), 'en')).toContain('Renews automatically')
    }
  })

  it('only an STS token profile (a pasted, static token) is shown as expired', async () => {
    const p = profile('sts-token', anHourAgo, anHourAgo)
    expect(profileExpiry(p)).toEqual({ state: 'expired', at: anHourAgo })
    expect(await render(p)).toContain('已过期')
    expect(await render(p, 'en')).toContain('Expired')
    // Never tested: the expiry the user pasted is still shown.
    expect(profileExpiry({ kind: 'sts-token', caller: null, stsExpiration: anHourAgo }).state).toBe('expired')
  })

  it('credentials still valid show when they expire, whatever the kind', async () => {
    for (const kind of ['ram-role-arn', 'sts-token'] as const) {
      expect(profileExpiry(profile(kind, inAnHour, inAnHour)).state).toBe('expires')
      const html = await render(profile(kind, inAnHour, inAnHour))
      expect(html).toContain('到期')
      expect(html).not.toContain('已过期')
    }
    expect(profileExpiry({ kind: 'access-key', caller: null, stsExpiration: null })).toEqual({ state: 'none' })
  })
})
