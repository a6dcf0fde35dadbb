import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { formatMessage } from '@shared/messages'
import { testDingTalkRobot } from '../../../core/cloud'
import { signedDingTalkUrl } from '../../../core/cloud/dingtalk'
import type { RunningEmulator } from '../../../tools/emulator'
import { startTestEmulator } from '../emulator/support'

/** E7: the DingTalk connectivity test against the emulator's robot endpoint (signature, 1-hour window, 20/minute). */
describe('E7: DingTalk robot connectivity test', () => {
  let emu: RunningEmulator
  const webhook = (token: string): string => `https://oapi.dingtalk.com/robot/send?access_token=${token}`
  const opts = (): { baseUrl: string; proxy: 'none' } => ({ baseUrl: emu.url, proxy: 'none' })
  beforeAll(async () => {
    emu = await startTestEmulator()
  })
  afterAll(() => emu.close())
  beforeEach(() => {
    emu.reset()
    emu.seed({
      robots: [
        { token: 'signed', secret: 'SECrobot-secret' },
        { token: 'open' },
        { token: 'keyword', keywords: ['告警'] },
      ],
    })
  })

  it('E7: a signed test message is delivered and reported as passed', async () => {
    const r = await testDingTalkRobot({ webhook: webhook('signed'), secret: 'SECrobot-secret' }, opts())
    expect(r).toMatchObject({ ok: true, code: 'DINGTALK_OK', errcode: 0 })
    const robot = emu.state().robots.signed!
    expect(robot.messages).toHaveLength(1)
    expect(robot.messages[0]!.body).toMatchObject({
      msgtype: 'text',
      text: { content: expect.stringContaining('connectivity test') },
    })
  })

  it('E7: a wrong secret is reported as a signature mismatch, in both languages', async () => {
    const r = await testDingTalkRobot({ webhook: webhook('signed'), secret: 'SECwrong' }, opts())
    expect(r).toMatchObject({ ok: false, code: 'DINGTALK_SIGN_MISMATCH', errcode: 310000 })
    expect(formatMessage('zh-CN', r.code, r.params)).toContain('加签')
    expect(emu.state().robots.signed!.messages).toHaveLength(0)
  })

  it('E7: a signing robot tested without its secret is told the secret is missing, not the clock, in both languages', async () => {
    const r = await testDingTalkRobot({ webhook: webhook('signed') }, opts())
    expect(r).toMatchObject({ ok: false, code: 'DINGTALK_SECRET_MISSING', errcode: 310000 })
    expect(formatMessage('zh-CN', r.code, r.params)).toContain('没有填写加签密钥')
    expect(formatMessage('en', r.code, r.params)).toContain('no signing secret was given')
    expect(emu.state().robots.signed!.messages).toHaveLength(0)
  })

  it('E7: a timestamp outside the one-hour window is reported as a clock problem; 59 minutes is accepted', async () => {
    const late = await testDingTalkRobot(
      { webhook: webhook('signed'), secret: 'SECrobot-secret' },
      { ...opts(), now: () => Date.now() - 61 * 60_000 },
    )
    expect(late).toMatchObject({ ok: false, code: 'DINGTALK_TIMESTAMP_INVALID' })
    const edge = await testDingTalkRobot(
      { webhook: webhook('signed'), secret: 'SECrobot-secret' },
      { ...opts(), now: () => Date.now() - 59 * 60_000 },
    )
    expect(edge.ok).toBe(true)
  })

  it('E7: an unknown token, a missing keyword, and a bad webhook URL each get their own answer', async () => {
    expect((await testDingTalkRobot({ webhook: webhook('nope') }, opts())).code).toBe('DINGTALK_TOKEN_INVALID')
    expect((await testDingTalkRobot({ webhook: webhook('keyword') }, opts())).code).toBe('DINGTALK_KEYWORD_MISSING')
    expect((await testDingTalkRobot({ webhook: webhook('keyword'), text: 'PAI 告警测试' }, opts())).ok).toBe(true)
    expect((await testDingTalkRobot({ webhook: 'https://example.com/robot/send?access_token=x' }, opts())).code).toBe(
      'DINGTALK_BAD_WEBHOOK',
    )
  })

  it('E7: the robot accepts 20 messages a minute; the 21st is reported as rate limited', async () => {
    const results = []
    for (let i = 0; i < 21; i++) results.push(await testDingTalkRobot({ webhook: webhook('open') }, opts()))
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true)
    expect(results[20]).toMatchObject({ ok: false, code: 'DINGTALK_RATE_LIMITED', errcode: 410100 })
  })

  it('E7: an unreachable robot is a network answer, not a throw', async () => {
    const r = await testDingTalkRobot({ webhook: webhook('open') }, { baseUrl: 'http://127.0.0.1:1', proxy: 'none' })
    expect(r).toMatchObject({ ok: false, code: 'CLOUD_NETWORK' })
  })

  it('the signed URL carries timestamp and the URL-encoded sign', () => {
    const u = new URL(signedDingTalkUrl(webhook('signed'), 'SECtest', 1700000000000))
    expect(u.searchParams.get('timestamp')).toBe('1700000000000')
    expect(u.searchParams.get('sign')).toBe('aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=')
    expect(u.search).toContain('sign=aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g%3D')
  })
})
