import crypto from 'node:crypto'
import type { EmulatorCore } from './core'
import type { Incoming } from './http'

/**
 * A DingTalk custom robot (`POST /robot/send?access_token=…&timestamp=…&sign=…`, docs/pai-api-facts.md §6). Errors
 * come back with HTTP 200 and a non-zero errcode, as the real one does.
 */
export function handleRobot(core: EmulatorCore, inc: Incoming, now: number): { errcode: number; errmsg: string } {
  const token = inc.query.access_token ?? ''
  const robot = core.state.robots[token]
  if (!robot) return { errcode: 300001, errmsg: 'token is not exist' }
  if (robot.secret) {
    const ts = Number(inc.query.timestamp)
    if (!Number.isFinite(ts) || Math.abs(now - ts) > 60 * 60_000)
      return { errcode: 310000, errmsg: 'invalid timestamp' }
    const expected = crypto
      .createHmac('sha256', robot.secret)
      .update(`${inc.query.timestamp ?? ''}\n${robot.secret}`, 'utf8')
      .digest('base64')
    const got = inc.query.sign ?? ''
    if (got.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(got), Buffer.from(expected)))
      return { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' }
  }
  let body: unknown
  try {
    body = JSON.parse(inc.body.toString('utf8'))
  } catch {
    return { errcode: 40035, errmsg: '缺少参数 json' }
  }
  const msg = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  if (typeof msg.msgtype !== 'string') return { errcode: 40035, errmsg: '缺少参数 msgtype' }
  if (robot.keywords.length > 0) {
    const text = JSON.stringify(msg)
    if (!robot.keywords.some((k) => text.includes(k))) return { errcode: 310000, errmsg: 'keywords not in content' }
  }
  robot.recent = robot.recent.filter((t) => now - t < 60_000)
  if (robot.recent.length >= core.opts.robotPerMinute)
    return { errcode: 410100, errmsg: `send too fast, exceed ${core.opts.robotPerMinute} times per minute` }
  robot.recent.push(now)
  robot.messages.push({ at: now, body: msg })
  if (robot.messages.length > 100) robot.messages.shift()
  core.dirty()
  return { errcode: 0, errmsg: 'ok' }
}
