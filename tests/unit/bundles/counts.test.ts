import { describe, expect, it } from 'vitest'
import { formatMessage } from '@shared/messages'

/** Counts read as people write them: "1 error", "2 errors"; Chinese has one form ("1 个错误"). */
describe('counts in messages', () => {
  it('D4: problem counts, in both languages', () => {
    expect(formatMessage('en', 'CLI_PROBLEM_COUNTS', { errors: 1, warnings: 0 })).toBe('1 error, 0 warnings')
    expect(formatMessage('en', 'CLI_PROBLEM_COUNTS', { errors: 2, warnings: 1 })).toBe('2 errors, 1 warning')
    expect(formatMessage('en', 'CLI_VALID', { warnings: 1 })).toBe('OK: 1 warning')
    expect(formatMessage('zh-CN', 'CLI_PROBLEM_COUNTS', { errors: 1, warnings: 0 })).toBe('1 个错误,0 个警告')
    expect(formatMessage('en', 'BUNDLE_INVALID', { errors: 1 })).toBe('The bundle has 1 error; nothing was imported')
    expect(formatMessage('en', 'BUNDLE_INVALID', { errors: 3 })).toBe('The bundle has 3 errors; nothing was imported')
    expect(formatMessage('zh-CN', 'BUNDLE_INVALID', { errors: 1 })).toBe('配置包有 1 个错误,未导入任何内容')
  })

  it('D2: the missing-secrets refusal names the refs and counts them', () => {
    const one = formatMessage('en', 'SECRET_REFS_MISSING', { refs: ['ops'], count: 1, profile: 'prod' })
    expect(one).toMatch(/lacks 1 DingTalk signing secret that .*: ops\. Nothing was sent\. Add it in the app, or:/)
    const two = formatMessage('en', 'SECRET_REFS_MISSING', { refs: ['a', 'b'], count: 2, profile: 'prod' })
    expect(two).toMatch(/lacks 2 DingTalk signing secrets that .*: a, b\. .* Add each one in the app/)
    expect(formatMessage('zh-CN', 'SECRET_REFS_MISSING', { refs: ['a', 'b'], count: 2, profile: 'prod' })).toContain(
      '缺少配置所用的 2 个钉钉加签密钥:a, b',
    )
  })
})
