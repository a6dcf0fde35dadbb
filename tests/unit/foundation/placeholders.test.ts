import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { LOCALES, type Locale } from '@shared/locale'
import { formatMessage, messages } from '@shared/messages'
import { opErrorText } from '@shared/messages/op-error'
import zhUi from '../../../renderer/src/i18n/locales/zh-CN'
import enUi from '../../../renderer/src/i18n/locales/en'
import { toAppError, type CloudFailure } from '../../../core/cloud/errors'
import { opErrorOf } from '../../../core/sync/worker-outcomes'
import { errorViewOf } from '../../../core/sync/runs/status'

/**
 * The placeholder test (issue 18): every code of every catalogue, rendered with sample params in both languages,
 * shows no `{…}`; and the errors an apply run really stores reach the progress table with their real values.
 */

/** A sample value for a placeholder: numbers for counts, a recognisable string otherwise. */
const sample = (name: string): string | number =>
  /^(count|n|total|done|failed|errors|warnings|max|min|seconds|minutes|attempts|pid|apply|manual|refused|conflict)$/i.test(
    name,
  )
    ? 2
    : `‹${name}›`
const LEFTOVER = /\{[^{}]*\}/

/** Every placeholder name a template uses: `{name}` and `{name:one|other}`. */
function names(template: string): string[] {
  return [...template.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1] as string)
}
function samplesFor(...templates: string[]): Record<string, unknown> {
  return Object.fromEntries(templates.flatMap(names).map((n) => [n, sample(n)]))
}

/** `a.b.c` -> string, for a nested catalogue. */
function flatten(o: Record<string, unknown>, prefix = ''): Array<[string, string]> {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [[`${prefix}${k}`, v] as [string, string]]
      : flatten(v as Record<string, unknown>, `${prefix}${k}.`),
  )
}

describe('the placeholder test', () => {
  it('every code of shared/messages, in both languages, with sample params, leaves no {…}', () => {
    const left: string[] = []
    for (const [code, msg] of Object.entries(messages)) {
      const params = samplesFor(...LOCALES.map((l) => msg[l]))
      for (const l of LOCALES) {
        const text = formatMessage(l, code, params)
        if (LEFTOVER.test(text)) left.push(`${code}/${l}: ${text}`)
      }
    }
    expect(left).toEqual([])
    expect(Object.keys(messages).length).toBeGreaterThan(100)
  })

  it("every key of the renderer's i18n, in both languages, rendered by vue-i18n with sample params, leaves no {…}", () => {
    const i18n = createI18n({
      legacy: false,
      locale: 'zh-CN',
      messages: { 'zh-CN': zhUi, en: enUi },
      missingWarn: false,
      fallbackWarn: false,
    })
    const left: string[] = []
    const catalogues = { 'zh-CN': flatten(zhUi), en: flatten(enUi) } satisfies Record<Locale, unknown>
    for (const l of LOCALES) {
      i18n.global.locale.value = l
      for (const [key, template] of catalogues[l]) {
        let text: string
        try {
          text = i18n.global.t(key, samplesFor(template))
        } catch (err) {
          text = `threw ${String(err)}`
        }
        if (LEFTOVER.test(text) || text.startsWith('threw')) left.push(`${key}/${l}: ${text}`)
      }
    }
    expect(left).toEqual([])
    expect(catalogues.en.length).toBeGreaterThan(200)
  })

  const failure = (cloudCode: string, httpStatus = 400): CloudFailure => ({
    kind: 'http',
    httpStatus,
    cloudCode,
    cloudMessage: `the user 2788 is not a RAM user of this account (${cloudCode})`,
    requestId: `REQ-${cloudCode}`,
    outcome: 'rejected',
  })
  const cases: Array<[string, CloudFailure, string, Record<string, unknown>?]> = [
    ['CLOUD_REQUEST_REJECTED', failure('InvalidParameter.UserId'), 'CreateMember'],
    ['CLOUD_PERMISSION', failure('Forbidden.RAM', 403), 'CreateMember'],
    ['CLOUD_AUTH', failure('InvalidAccessKeyId.NotFound', 404), 'ListWorkspaces'],
    ['CLOUD_NAME_CONFLICT', failure('WorkspaceNameAlreadyExists'), 'CreateWorkspace', { name: 'ops_ws' }],
    ['CLOUD_NOT_FOUND', failure('100400027', 404), 'DeleteMember'],
    ['CLOUD_ALREADY_EXISTS', failure('EventRuleNameDuplicate', 409), 'CreateRule'],
    ['CLOUD_OWNER_PROTECTED', failure('100600017'), 'DeleteMember'],
    ['CLOUD_LAST_ROLE', failure('MemberMustHaveRole'), 'RemoveMemberRole'],
    ['CLOUD_SERVER', failure('InternalError', 500), 'CreateMember'],
    ['CLOUD_THROTTLED', failure('Throttling.User', 429), 'CreateMember'],
    ['CLOUD_WORKSPACE_ROLE', failure('NoPermission', 403), 'UpdateConfigs'],
    ['CLOUD_SERVICE_NOT_ENABLED', failure('ServiceNotEnable', 403), 'CreateEventBus'],
    ['CLOUD_CLOCK_SKEW', failure('InvalidTimeStamp.Expired'), 'CreateMember'],
  ]
  it.each(cases)(
    '%s as an apply run stores it reaches the progress table with its real values, the cloud message and request ID',
    (code, f, action, extra) => {
      const err = toAppError(f, {
        service: 'pai',
        action,
        endpoint: 'pai.cn-hangzhou.aliyuncs.com',
        attempts: 1,
        params: extra,
      })
      expect(err.code).toBe(code)
      // What the outbox stores (JSON in SQLite), then what the op view carries.
      const view = errorViewOf(JSON.parse(JSON.stringify(opErrorOf(err))))
      expect(view).not.toBeNull()
      expect(view?.cloudCode).toBe(f.cloudCode)
      for (const l of LOCALES) {
        const text = opErrorText(l, view!)
        expect(text).not.toMatch(LEFTOVER)
        expect(text).toContain(f.cloudMessage)
        expect(text).toContain(f.requestId)
        // The cloud's code, never the app's, where the cloud's belongs.
        expect(text).toContain(f.cloudCode)
        if (extra?.name) expect(text).toContain(extra.name)
      }
    },
  )

  it('a network failure names the endpoint and the cause', () => {
    const err = toAppError({ kind: 'network', outcome: 'not-sent', detail: 'ECONNREFUSED' } as CloudFailure, {
      service: 'pai',
      action: 'CreateMember',
      endpoint: 'pai.cn-hangzhou.aliyuncs.com',
      attempts: 3,
    })
    const view = errorViewOf(JSON.parse(JSON.stringify(opErrorOf(err))))!
    for (const l of LOCALES) {
      const text = opErrorText(l, view)
      expect(text).not.toMatch(LEFTOVER)
      expect(text).toContain('pai.cn-hangzhou.aliyuncs.com')
      expect(text).toContain('ECONNREFUSED')
    }
  })
})
