import { describe, expect, it } from 'vitest'
import {
  CONTACT_TARGET_REGIONS,
  DEFAULT_TARGET_QUOTA,
  EVENT_TYPES,
  allowedTargetTypes,
  allowedTargetTypesForRule,
  eventBusName,
  formatDomain,
  quotaUsage,
  ruleUnits,
  type NotificationTarget,
} from './format'
import { check, found, mainCtx, problem } from './helpers'

const WEBHOOK = `https://oapi.dingtalk.com/robot/send?access_token=${'0f'.repeat(32)}`
const dingtalk = { type: 'dingtalk', webhook: WEBHOOK, secretRef: 'pai-admin/dingtalk/ops' } as const
const rule = (over: Record<string, unknown> = {}) => ({
  name: 'ops-alerts',
  eventTypes: ['dlc.jobProgress'],
  targets: [dingtalk],
  ...over,
})
const rules = (...r: unknown[]) => ({ notifications: { rules: r } })

describe('E: event notifications', () => {
  it('E1: rules need EventBridge activated and PAI authorized; the app says so when it is not', () => {
    const r = check(rules(rule()), mainCtx({ eventBridgeAuthorized: false }))
    expect(found(r)).toEqual(['E1 DOMAIN_EVENTBRIDGE_NOT_AUTHORIZED /notifications'])
    expect(formatDomain('en', r.problems[0]!)).toMatch(/AliyunServiceRoleForPAIWorkspace/)
    expect(formatDomain('zh-CN', r.problems[0]!)).toMatch(/一键授权/)
    expect(found(check(rules(rule()), mainCtx({ eventBridgeAuthorized: true })))).toEqual([])
    expect(found(check(rules(rule()), mainCtx()))).toEqual([]) // unknown: nothing to say offline
    expect(found(check(rules(), mainCtx({ eventBridgeAuthorized: false })))).toEqual([]) // no rules, nothing needed yet
  })

  it('E2: rules live on the bus pai-system-<workspace>, with unique valid names', () => {
    expect(eventBusName('team_alpha')).toBe('pai-system-team_alpha')
    expect(found(check(rules(rule(), rule())))).toEqual(['E2 DOMAIN_RULE_DUPLICATE /notifications/rules/1/name'])
    for (const name of ['', '-x', 'has space', 'x'.repeat(128)])
      expect(found(check(rules(rule({ name })))), name).toEqual(['E2 DOMAIN_RULE_NAME /notifications/rules/0/name'])
  })

  it('E3: the event types of workflow tasks, DLC tasks and models', () => {
    // Each event type of the console is accepted (with a target every type takes); nothing else is.
    const consoleTypes = [
      'workflow.taskFailed',
      'workflow.taskEnded',
      'dlc.jobProgress',
      'dlc.faultTolerance',
      'dlc.other',
      'model.versionApproved',
      'model.versionStatusChanged',
    ]
    for (const e of consoleTypes) expect(found(check(rules(rule({ eventTypes: [e] })))), e).toEqual([])
    expect(EVENT_TYPES.filter((e) => !consoleTypes.includes(e))).toEqual(['dlc.jobTimeout']) // needs a timeout rule
    expect(found(check(rules(rule({ eventTypes: [] }))))).toEqual([
      'E3 DOMAIN_RULE_NO_EVENT_TYPES /notifications/rules/0/eventTypes',
    ])
    expect(found(check(rules(rule({ eventTypes: ['dsw.instanceFailed'] }))))).toEqual([
      'E3 DOMAIN_SCHEMA_ENUM /notifications/rules/0/eventTypes/0',
    ])
    expect(found(check(rules(rule({ eventTypes: ['dlc.other', 'dlc.other'] }))))).toEqual([
      'E3 DOMAIN_RULE_DUPLICATE_EVENT_TYPE /notifications/rules/0/eventTypes/1',
    ])
  })

  it('E4: DingTalk takes every event; HTTP only model events; voice, SMS, email only workflow and DLC events', () => {
    for (const e of EVENT_TYPES) {
      const allowed = allowedTargetTypes(e)
      expect(allowed).toContain('dingtalk')
      const model = e.startsWith('model.')
      expect(allowed.includes('http')).toBe(model)
      for (const t of ['voice', 'sms', 'email'] as const) expect(allowed.includes(t)).toBe(!model)
    }
    expect(allowedTargetTypesForRule(['dlc.jobProgress', 'model.versionApproved'])).toEqual(['dingtalk'])
    const http = check(
      rules(
        rule({
          eventTypes: ['workflow.taskFailed'],
          targets: [{ type: 'http', url: 'https://hooks.example.com/pai' }],
        }),
      ),
    )
    expect(found(http)).toEqual(['E4 DOMAIN_TARGET_NOT_ALLOWED /notifications/rules/0/targets/0/type'])
    expect(problem(http, 'DOMAIN_TARGET_NOT_ALLOWED')?.params).toEqual({
      target: 'http',
      eventType: 'workflow.taskFailed',
    })
    expect(
      found(
        check(
          rules(
            rule({
              eventTypes: ['model.versionStatusChanged'],
              targets: [{ type: 'http', url: 'https://hooks.example.com/pai' }],
            }),
          ),
        ),
      ),
    ).toEqual([])
    for (const type of ['voice', 'sms', 'email']) {
      expect(
        found(check(rules(rule({ eventTypes: ['model.versionApproved'], targets: [{ type, contacts: ['Alice'] }] })))),
        type,
      ).toEqual(['E4 DOMAIN_TARGET_NOT_ALLOWED /notifications/rules/0/targets/0/type'])
      expect(
        found(
          check(
            rules(rule({ eventTypes: ['workflow.taskEnded', 'dlc.other'], targets: [{ type, contacts: ['Alice'] }] })),
          ),
        ),
        type,
      ).toEqual([])
    }
  })

  it('E4: target fields: webhook shape, signing secret by keychain reference, http(s) URL, contacts', () => {
    const t = (target: unknown) => found(check(rules(rule({ targets: [target] }))))
    for (const webhook of [
      'http://oapi.dingtalk.com/robot/send?access_token=abc',
      'https://evil.example/robot/send?access_token=abc',
      'https://oapi.dingtalk.com/robot/send?access_token=',
      'https://oapi.dingtalk.com/robot/send',
    ])
      expect(t({ ...dingtalk, webhook }), webhook).toEqual([
        'E4 DOMAIN_DINGTALK_WEBHOOK /notifications/rules/0/targets/0/webhook',
      ])
    expect(t({ type: 'dingtalk', webhook: WEBHOOK })).toEqual([
      'E4 DOMAIN_DINGTALK_SECRET_MISSING /notifications/rules/0/targets/0/secretRef',
    ])
    expect(t({ ...dingtalk, secretRef: 'has space' })).toEqual([
      'E4 DOMAIN_SECRET_REF_FORMAT /notifications/rules/0/targets/0/secretRef',
    ])
    // A secret pasted where its reference belongs is refused (D2), and never echoed in the params.
    const secret = 'SEC' + 'a1b2c3d4'.repeat(8)
    const leaked = check(rules(rule({ targets: [{ ...dingtalk, secretRef: secret }] })))
    expect(found(leaked)).toEqual(['D2 DOMAIN_SECRET_IN_CONFIG /notifications/rules/0/targets/0/secretRef'])
    expect(JSON.stringify(leaked.problems)).not.toContain(secret)
    // The emulator's loopback webhook only when the context allows it (tests).
    const local = { ...dingtalk, webhook: 'http://127.0.0.1:8123/robot/send?access_token=t0k3n' }
    expect(found(check(rules(rule({ targets: [local] }))))).toEqual([
      'E4 DOMAIN_DINGTALK_WEBHOOK /notifications/rules/0/targets/0/webhook',
    ])
    expect(found(check(rules(rule({ targets: [local] })), mainCtx({ allowLoopbackWebhooks: true })))).toEqual([])

    const model = (target: unknown) =>
      found(check(rules(rule({ eventTypes: ['model.versionApproved'], targets: [target] }))))
    for (const url of [
      'ftp://x.example/',
      'https://',
      'hooks.example.com',
      'https://exa mple.com/',
      'javascript:alert(1)',
      'https://x.example/' + 'p'.repeat(2100),
    ])
      expect(model({ type: 'http', url }), url).toEqual(['E4 DOMAIN_HTTP_URL /notifications/rules/0/targets/0/url'])
    expect(model({ type: 'http', url: 'https://user:pw@hooks.example.com/' })).toEqual([
      'D2 DOMAIN_HTTP_URL_CREDENTIALS /notifications/rules/0/targets/0/url',
    ])
    expect(model({ type: 'http', url: 'http://10.0.0.5:8080/pai/model-events?x=1' })).toEqual([])

    expect(t({ type: 'email', contacts: [] })).toEqual([
      'E4 DOMAIN_CONTACTS_EMPTY /notifications/rules/0/targets/0/contacts',
    ])
    expect(t({ type: 'voice', contacts: ['Alice', '  '] })).toEqual([
      'E4 DOMAIN_CONTACT_INVALID /notifications/rules/0/targets/0/contacts/1',
    ])
    expect(t({ type: 'fax', contacts: ['Alice'] })).toEqual([
      'E4 DOMAIN_SCHEMA_ENUM /notifications/rules/0/targets/0/type',
    ])
    const noTargets = check(rules(rule({ targets: [] })))
    expect(found(noTargets)).toEqual(['E4 DOMAIN_RULE_NO_TARGETS /notifications/rules/0/targets'])
    expect(noTargets.ok).toBe(true)
  })

  it('E5: voice, SMS and email exist only in cn-hangzhou, cn-shanghai and cn-wulanchabu', () => {
    expect([...CONTACT_TARGET_REGIONS]).toEqual(['cn-hangzhou', 'cn-shanghai', 'cn-wulanchabu'])
    const sms = rules(rule({ targets: [{ type: 'sms', contacts: ['Alice'] }] }))
    for (const region of CONTACT_TARGET_REGIONS) expect(found(check(sms, mainCtx({ region })))).toEqual([])
    for (const region of ['cn-beijing', 'ap-southeast-1', 'cn-hangzhou-finance']) {
      const r = check(sms, mainCtx({ region }))
      expect(found(r), region).toEqual(['E5 DOMAIN_TARGET_REGION /notifications/rules/0/targets/0/type'])
      expect(formatDomain('zh-CN', r.problems[0]!)).toContain('华北6(乌兰察布)')
    }
    expect(found(check(rules(rule()), mainCtx({ region: 'cn-beijing' })))).toEqual([]) // DingTalk works everywhere
    expect(allowedTargetTypes('dlc.other', 'cn-beijing')).toEqual(['dingtalk'])
    expect(allowedTargetTypes('dlc.other', 'cn-shanghai')).toEqual(['dingtalk', 'voice', 'sms', 'email'])
  })

  it('E6: SMS to Alice and Tony plus email to Alice and Alan takes 4 units (no de-duplication)', () => {
    const targets: NotificationTarget[] = [
      { type: 'sms', contacts: ['Alice', 'Tony'] },
      { type: 'email', contacts: ['Alice', 'Alan'] },
    ]
    expect(ruleUnits({ targets })).toBe(4)
    expect(quotaUsage({ targets }, DEFAULT_TARGET_QUOTA)).toEqual({ used: 4, quota: 5, over: false })
    expect(ruleUnits({ targets: [...targets, dingtalk, { type: 'http', url: 'https://x.example/' }] })).toBe(6)
    // The default quota of 5: a fifth unit fits, a sixth does not.
    expect(found(check(rules(rule({ targets: [...targets, dingtalk] }))))).toEqual([])
    const over = check(rules(rule({ targets: [...targets, dingtalk, { type: 'voice', contacts: ['Tony'] }] })))
    expect(found(over)).toEqual(['E6 DOMAIN_TARGET_QUOTA_EXCEEDED /notifications/rules/0/targets'])
    expect(problem(over, 'DOMAIN_TARGET_QUOTA_EXCEEDED')?.params).toEqual({ name: 'ops-alerts', used: 6, quota: 5 })
    // A raised quota, at most 100.
    expect(
      found(
        check({
          notifications: {
            rules: [rule({ targets: [...targets, dingtalk, { type: 'voice', contacts: ['Tony'] }] })],
            quota: 6,
          },
        }),
      ),
    ).toEqual([])
    expect(found(check({ notifications: { rules: [], quota: 100 } }))).toEqual([])
    for (const quota of [0, 101, 2.5, -1])
      expect(found(check({ notifications: { rules: [], quota } })), String(quota)).toEqual([
        'E6 DOMAIN_QUOTA_RANGE /notifications/quota',
      ])
  })
})
