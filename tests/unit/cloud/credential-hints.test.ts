import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/ipc/errors'
import { formatMessage, messageRef } from '@shared/messages'
import { createCredentialSource, type CredentialSpec } from '../../../core/cloud/credentials'

/**
 * Issue 11: a profile field the core refuses by its format (CREDENTIALS_FIELD_INVALID) says what it expects
 * in the user's language. The hint used to be English text built in the core, so a zh-CN user read
 * "应为 2-64 letters, digits, ...". The specs go through createCredentialSource, which checks them before
 * anything is sent (the STS address below is never reached).
 */

const net = { stsEndpoint: '127.0.0.1:9', protocol: 'http', proxy: 'none', connectTimeoutMs: 100, readTimeoutMs: 100 }
const base: CredentialSpec = { kind: 'access-key', accessKeyId: 'LTAI5tHint0001', accessKeySecret: 'hint-secret' }
const roleArn = 'acs:ram::1234567890:role/admin'

function refused(spec: CredentialSpec): AppError {
  try {
    createCredentialSource(spec, net as never)
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('the spec was accepted')
}

const cases: Array<[string, CredentialSpec, string, string]> = [
  [
    'roleArn',
    { kind: 'ram-role-arn', base, roleArn: 'acs:ram::1:user/bob' },
    '账号配置中的 roleArn 无效:“acs:ram::1:user/bob”,应为 acs:ram::<账号 ID>:role/<角色名称>。',
    'The profile field roleArn is invalid: "acs:ram::1:user/bob"; expected acs:ram::<account ID>:role/<role name>.',
  ],
  [
    'roleSessionName',
    { kind: 'ram-role-arn', base, roleArn, roleSessionName: 'x' },
    '账号配置中的 roleSessionName 无效:“x”,应为 2-64 个字母、数字或 . @ _ -。',
    'The profile field roleSessionName is invalid: "x"; expected 2-64 letters, digits or . @ _ -.',
  ],
  [
    'durationSeconds',
    { kind: 'ram-role-arn', base, roleArn, durationSeconds: 60 },
    '账号配置中的 durationSeconds 无效:“60”,应为 900-43200 之间的秒数。',
    'The profile field durationSeconds is invalid: "60"; expected 900-43200 seconds.',
  ],
  [
    'policy',
    { kind: 'ram-role-arn', base, roleArn, policy: '{not json' },
    '账号配置中的 policy 无效:“{not json”,应为 JSON 格式的权限策略。',
    'The profile field policy is invalid: "{not json"; expected a JSON policy document.',
  ],
  [
    'oidcProviderArn',
    { kind: 'oidc-role', roleArn, oidcProviderArn: 'acs:ram::1:role/x', oidcTokenFile: '/tmp/token' },
    '账号配置中的 oidcProviderArn 无效:“acs:ram::1:role/x”,应为 acs:ram::<账号 ID>:oidc-provider/<身份提供商名称>。',
    'The profile field oidcProviderArn is invalid: "acs:ram::1:role/x"; expected acs:ram::<account ID>:oidc-provider/<provider name>.',
  ],
]

describe('CREDENTIALS_FIELD_INVALID hints in both languages', () => {
  it.each(cases)('%s: the expected form is in Chinese for zh-CN and in English for en', (field, spec, zh, en) => {
    const err = refused(spec)
    expect(err.code).toBe('CREDENTIALS_FIELD_INVALID')
    expect(err.params.field).toBe(field)
    expect(err.toPayload('zh-CN').message).toBe(zh)
    expect(err.toPayload('en').message).toBe(en)
  })

  it('a role chained on a base profile: the base spec is checked too, its hint localized', () => {
    const err = refused({ kind: 'ram-role-arn', base: { kind: 'ram-role-arn', base, roleArn: 'bad' }, roleArn })
    expect(err.toPayload('zh-CN').message).toContain('应为 acs:ram::<账号 ID>:role/<角色名称>')
  })

  it('a message given as the parameter of another is rendered in the language of the outer one', () => {
    const hint = messageRef('CREDENTIALS_HINT_DURATION', { min: 1, max: 2 })
    const params = { field: 'f', value: 'v', hint }
    expect(formatMessage('zh-CN', 'CREDENTIALS_FIELD_INVALID', params)).toBe(
      '账号配置中的 f 无效:“v”,应为 1-2 之间的秒数。',
    )
    expect(formatMessage('en', 'CREDENTIALS_FIELD_INVALID', params)).toBe(
      'The profile field f is invalid: "v"; expected 1-2 seconds.',
    )
  })
})
