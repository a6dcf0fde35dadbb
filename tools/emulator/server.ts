import type http from 'node:http'
import { z } from 'zod'
import { aiWorkspaceAction, handleAiWorkspace } from './aiworkspace'
import { control } from './control-routes'
import type { EmulatorCore } from './core'
import { handleRobot } from './dingtalk'
import { handleEventBridge } from './eventbridge'
import type { FaultKind } from './faults'
import { EmuError, header, jsonAnswer, parseIncoming, send, type Answer, type Incoming } from './http'
import type { LoggedRequest, PipelineDeps, Service } from './pipeline'
import { handleEcsMetadata } from './ecs-metadata'
import { handleRam } from './ram'
import { authenticate, handleSls, handleSts, slsProjectOf } from './sts-sls'

/** The request as the log keeps it (a body over 64 KB is summarized). */
function sentOf(inc: Incoming): NonNullable<LoggedRequest['sent']> {
  const out: NonNullable<LoggedRequest['sent']> = { method: inc.method, path: inc.rawPath, query: { ...inc.query } }
  if (inc.body.length === 0) return out
  if (inc.body.length > 65_536) out.body = `(${inc.body.length} bytes)`
  else {
    const text = inc.body.toString('utf8')
    try {
      out.body = JSON.parse(text)
    } catch {
      out.body = text
    }
  }
  return out
}

const PRODUCTS: Record<string, Service> = {
  '2021-02-04': 'pai',
  '2020-04-01': 'eventBridge',
  '2015-04-01': 'sts',
  '2015-05-01': 'ram',
}
const HOSTS: Record<Service, string> = {
  pai: 'aiworkspace',
  eventBridge: 'eventbridge-console',
  sts: 'sts',
  sls: 'log',
  ram: 'ram',
}
const MAX_BODY = 1 << 20

function errorAnswer(core: EmulatorCore, service: Service, inc: Incoming, e: EmuError): Answer {
  if (service === 'sls')
    return jsonAnswer(
      e.status,
      { errorCode: e.code, errorMessage: e.message },
      { 'x-log-requestid': inc.requestId, ...e.headers },
    )
  const body: Record<string, unknown> = {
    RequestId: inc.requestId,
    HostId: service === 'ram' ? 'ram.aliyuncs.com' : `${HOSTS[service]}.${core.opts.region}.aliyuncs.com`,
    Code: e.code,
    Message: e.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(e.code)}&requestId=${inc.requestId}`,
  }
  if (service === 'eventBridge') body.Success = false
  return jsonAnswer(e.status, body, { 'x-acs-request-id': inc.requestId, ...e.headers })
}

/** Which cloud service a request is for, and its action name. */
function classify(inc: Incoming): { service: Service; action: string } | undefined {
  const auth = header(inc, 'authorization') ?? ''
  if (auth.startsWith('LOG ') || header(inc, 'x-log-apiversion') !== undefined) {
    const project = slsProjectOf(header(inc, 'host'))
    return { service: 'sls', action: project ? 'ListLogStores' : 'ListProject' }
  }
  const version = header(inc, 'x-acs-version') ?? inc.query.Version
  const service = version ? PRODUCTS[version] : undefined
  if (!service) return undefined
  const action =
    service === 'pai' ? (aiWorkspaceAction(inc) ?? '') : (header(inc, 'x-acs-action') ?? inc.query.Action ?? '')
  return { service, action }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** The request handler of the emulator's one HTTP server. */
export function createHandler(d: PipelineDeps): http.RequestListener {
  const record = (r: LoggedRequest): void => {
    if (d.core.opts.quiet) return
    d.log.push(r)
    // Trim in batches: keeps the newest 5,000 without shifting the array on every request.
    if (d.log.length > 10_000) d.log.splice(0, d.log.length - 5000)
  }
  return (req, res) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => {
      const inc = parseIncoming(req, Buffer.concat(chunks))
      if (size > MAX_BODY)
        return send(res, jsonAnswer(413, { Code: 'RequestEntityTooLarge', Message: 'The body is larger than 1 MB.' }))
      serve(d, inc, req, res, record).catch((err: unknown) => {
        if (!res.headersSent)
          send(
            res,
            jsonAnswer(500, {
              RequestId: inc.requestId,
              Code: 'InternalError',
              Message: err instanceof Error ? err.message : String(err),
            }),
          )
      })
    })
  }
}

async function serve(
  d: PipelineDeps,
  inc: Incoming,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  record: (r: LoggedRequest) => void,
): Promise<void> {
  const { core, faults } = d
  if (inc.rawPath.startsWith('/__emulator/')) return send(res, control(d, inc))
  if (inc.rawPath.startsWith('/latest/')) {
    record({ at: d.now(), service: 'unknown', action: 'EcsMetadata', status: 200, requestId: inc.requestId })
    return send(res, handleEcsMetadata(core.sts, core.opts.ecsRole, core.metadataTokens, inc, d.now()))
  }
  if (inc.rawPath === '/robot/send') {
    if (faults.latencyMs > 0) await sleep(faults.latencyMs)
    const answer = inc.method === 'POST' ? handleRobot(core, inc, d.now()) : { errcode: 40035, errmsg: 'POST only' }
    record({ at: d.now(), service: 'robot', action: 'send', status: 200, requestId: inc.requestId })
    return send(res, jsonAnswer(200, answer))
  }
  const kind = classify(inc)
  if (!kind) {
    record({ at: d.now(), service: 'unknown', action: '', status: 404, requestId: inc.requestId })
    return send(
      res,
      jsonAnswer(404, {
        RequestId: inc.requestId,
        Code: 'InvalidApi.NotFound',
        Message: `No emulated API at ${inc.method} ${inc.rawPath}`,
      }),
    )
  }
  const { service, action } = kind
  core.state.calls[action] = (core.state.calls[action] ?? 0) + 1
  let fault: FaultKind | undefined
  const sent = d.core.opts.quiet ? undefined : sentOf(inc)
  const finish = (a: Answer): void => {
    record({ at: d.now(), service, action, status: a.status, requestId: inc.requestId, fault, sent })
    send(res, a)
  }
  const drop = (): void => {
    record({ at: d.now(), service, action, status: 0, requestId: inc.requestId, fault, sent })
    req.socket.destroy()
  }
  try {
    if (faults.latencyMs > 0) await sleep(faults.latencyMs)
    const now = d.now()
    const deps = {
      accountFor: (id: string) => core.accountFor(id),
      nonces: core.nonces,
      clockSkewMs: core.opts.clockSkewMs,
      now: () => now,
    }
    const project = service === 'sls' ? slsProjectOf(header(inc, 'host')) : undefined
    const slsPath = decodeURIComponent(inc.rawPath)
    const account = authenticate(core, inc, service, action, slsPath, deps)
    const throttled = faults.throttle(now)
    if (throttled !== undefined) {
      fault = 'throttle'
      throw new EmuError(429, 'Throttling.User', 'Request was denied due to user flow control.', {
        'x-acs-retry-after': String(throttled),
      })
    }
    const injected = faults.take(service, action)
    fault = injected?.kind ?? faults.random()
    if (fault === 'latency') await sleep(injected?.latencyMs ?? 1000)
    if (fault === 'throttle')
      throw new EmuError(429, 'Throttling.User', 'Request was denied due to user flow control.', {
        'x-acs-retry-after': String(injected?.retryAfterMs ?? 100),
      })
    if (fault === '500')
      throw new EmuError(500, 'InternalError', 'The request processing has failed due to some unknown error.')
    if (fault === '503')
      throw new EmuError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.')
    if (fault === 'drop-before') return drop()
    // Received, not performed yet, for as long as the test wants: a slow server with the request in flight.
    if (fault === 'hold') await faults.hold(action, injected?.holdMs ?? 5 * 60_000)
    if (req.socket.destroyed)
      return record({ at: d.now(), service, action, status: 0, requestId: inc.requestId, fault })
    const caller = account && core.callerOf(account)
    const at = d.now()
    let body: unknown
    if (service === 'sts') body = handleSts(core, inc, caller, action, at)
    else if (!caller) throw new EmuError(400, 'MissingAuthorization', 'The request is not signed.')
    else if (service === 'pai') body = handleAiWorkspace(core, inc, caller, at)
    else if (service === 'eventBridge') body = handleEventBridge(core, inc, caller, action, at)
    else if (service === 'ram') body = handleRam(core, inc, caller, action)
    else body = handleSls(core, inc, caller, slsPath, project)
    if (fault === 'drop-after') return drop()
    // The work is done; the answer comes late (`late`) or when the test releases it (`hold-answer`).
    if (fault === 'late') await sleep(injected?.latencyMs ?? 1000)
    if (fault === 'hold-answer') await faults.hold(action, injected?.holdMs ?? 5 * 60_000)
    if (req.socket.destroyed)
      return record({ at: d.now(), service, action, status: 0, requestId: inc.requestId, fault })
    const answer =
      service === 'sls'
        ? jsonAnswer(200, body, { 'x-log-requestid': inc.requestId })
        : jsonAnswer(
            200,
            { RequestId: inc.requestId, ...(body as Record<string, unknown>) },
            { 'x-acs-request-id': inc.requestId },
          )
    if (fault === 'malformed') answer.body = answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2)))
    finish(answer)
  } catch (err) {
    if (err instanceof EmuError) return finish(errorAnswer(core, service, inc, err))
    if (err instanceof z.ZodError)
      return finish(errorAnswer(core, service, inc, new EmuError(400, 'InvalidParameter', err.message)))
    throw err
  }
}
