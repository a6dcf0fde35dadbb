import { describe, expect, it } from 'vitest'
import { hasMessage } from '@shared/messages'
import { classify, failureInBody, normalizeFailure, toAppError, type CloudFailure } from '../../../core/cloud/errors'
import { describeDingTalkAnswer } from '../../../core/cloud/dingtalk'
import { RequestTimeoutError, SendError } from '../../../core/cloud/http-send'

const http = (status: number, cloudCode?: string, cloudMessage?: string): CloudFailure => ({
  kind: 'http',
  httpStatus: status,
  cloudCode,
  cloudMessage,
  outcome: status >= 500 ? 'unknown' : 'rejected',
})

describe('cloud error mapping', () => {
  it.each([
    [http(404, 'InvalidAccessKeyId.NotFound'), 'CLOUD_AUTH', undefined],
    [http(403, 'SignatureDoesNotMatch'), 'CLOUD_AUTH', undefined],
    [http(400, 'SignatureNonceUsed'), 'CLOUD_AUTH', undefined],
    [http(401, 'SignatureNotMatch'), 'CLOUD_AUTH', undefined],
    [http(400, 'InvalidTimeStamp.Expired'), 'CLOUD_CLOCK_SKEW', undefined],
    [http(403, 'Forbidden.RAM'), 'CLOUD_PERMISSION', 'A3'],
    [http(403, 'AccessDenied'), 'CLOUD_PERMISSION', 'A3'],
    [http(403, 'NoPermission'), 'CLOUD_WORKSPACE_ROLE', 'A1'],
    [http(403, 'ServiceNotEnable'), 'CLOUD_SERVICE_NOT_ENABLED', 'E1'],
    [http(400, 'WorkspaceNameAlreadyExists'), 'CLOUD_NAME_CONFLICT', 'W4'],
    [http(400, '100600017'), 'CLOUD_OWNER_PROTECTED', 'M6'],
    [http(400, 'MemberMustHaveRole'), 'CLOUD_LAST_ROLE', 'M5'],
    [http(404, '100400027'), 'CLOUD_NOT_FOUND', undefined],
    [http(400, '100600006'), 'CLOUD_NOT_FOUND', undefined],
    [http(404, 'EventBusNotExist'), 'CLOUD_NOT_FOUND', undefined],
    [http(409, 'EventRuleNameDuplicate'), 'CLOUD_ALREADY_EXISTS', undefined],
    [http(429, 'Throttling.User'), 'CLOUD_THROTTLED', undefined],
    [http(400, 'Throttling.Api'), 'CLOUD_THROTTLED', undefined],
    [http(503, 'ServiceUnavailable'), 'CLOUD_SERVER', undefined],
    [http(500, 'InternalError'), 'CLOUD_SERVER', undefined],
    [http(400, 'InvalidParameter'), 'CLOUD_REQUEST_REJECTED', undefined],
  ] as const)('%o -> %s', (f, code, ruleId) => {
    const c = classify(f, 'GetWorkspace')
    expect(c.code).toBe(code)
    expect(c.ruleId).toBe(ruleId)
    expect(hasMessage(code)).toBe(true)
  })

  it('W4: a 409 or a "name already exists" message on CreateWorkspace is a name conflict', () => {
    expect(classify(http(409, 'Conflict'), 'CreateWorkspace')).toMatchObject({
      code: 'CLOUD_NAME_CONFLICT',
      ruleId: 'W4',
    })
    expect(classify(http(400, 'Unknown', '名称已经存在'), 'CreateWorkspace')).toMatchObject({
      code: 'CLOUD_NAME_CONFLICT',
    })
    expect(classify(http(409, 'Conflict'), 'CreateRule').code).toBe('CLOUD_ALREADY_EXISTS')
  })

  it('PAI codes decide whatever the HTTP status (docs/pai-api-facts.md §1.7): 100600006, 100600017, Forbidden.RAM', () => {
    for (const status of [200, 400, 403, 404, 500]) {
      expect(classify(http(status, '100600006'), 'GetMember').code, `${status}`).toBe('CLOUD_NOT_FOUND')
      expect(classify(http(status, '100600017'), 'DeleteMembers'), `${status}`).toMatchObject({
        code: 'CLOUD_OWNER_PROTECTED',
        ruleId: 'M6',
      })
      expect(classify(http(status, 'Forbidden.RAM'), 'ListMembers'), `${status}`).toMatchObject({
        code: 'CLOUD_PERMISSION',
        ruleId: 'A3',
      })
    }
  })

  it('W4: both clash codes seen for CreateWorkspace (WorkspaceNameAlreadyExists, 100400009) are a name conflict', () => {
    for (const code of ['WorkspaceNameAlreadyExists', '100400009'])
      expect(classify(http(400, code, 'Workspace exist error'), 'CreateWorkspace')).toMatchObject({
        code: 'CLOUD_NAME_CONFLICT',
        ruleId: 'W4',
      })
  })

  it('a 200 answer whose body carries a failure Code is a failure; success codes and no code are not', () => {
    const f = failureInBody({ RequestId: 'R9', Code: '100600017', Message: 'Owner not allowed to delete' }, 200, 'H1')
    expect(f).toMatchObject({ kind: 'http', httpStatus: 200, cloudCode: '100600017', requestId: 'R9' })
    expect(classify(f!, 'DeleteMembers').code).toBe('CLOUD_OWNER_PROTECTED')
    expect(failureInBody({ Success: false, Message: 'no' }, 200, 'H2')).toMatchObject({ requestId: 'H2' })
    for (const ok of [{}, { RequestId: 'x' }, { Code: '200' }, { Code: 'Success' }, { Code: 'OK', Success: true }])
      expect(failureInBody(ok, 200, undefined), JSON.stringify(ok)).toBeUndefined()
    expect(failureInBody([1, 2], 200, undefined)).toBeUndefined()
  })

  it('an SLS 401/403 is an SLS permission problem, not A3', () => {
    expect(classify(http(401, 'Unauthorized'), 'ListProject').code).toBe('CLOUD_SLS_PERMISSION')
  })

  it('retry classes: throttling always, 5xx and network transient, 4xx never', () => {
    expect(classify(http(429, 'Throttling.User'), 'X').retry).toBe('throttled')
    expect(classify(http(500, 'InternalError'), 'X').retry).toBe('transient')
    expect(classify({ kind: 'network', outcome: 'not-sent' }, 'X').retry).toBe('transient')
    expect(classify(http(404, '100400027'), 'X').retry).toBe('never')
    expect(classify({ kind: 'parse', outcome: 'unknown' }, 'X').retry).toBe('never')
  })

  it('normalizes openapi-core, tea and Node errors', () => {
    expect(
      normalizeFailure({
        name: 'ThrottlingError',
        statusCode: 429,
        code: 'Throttling.User',
        requestId: 'R1',
        retryAfter: 250,
        data: { Message: 'slow down' },
      }),
    ).toMatchObject({
      kind: 'http',
      httpStatus: 429,
      cloudCode: 'Throttling.User',
      requestId: 'R1',
      retryAfterMs: 250,
      cloudMessage: 'slow down',
      outcome: 'rejected',
    })
    expect(
      normalizeFailure({
        code: 'ProjectNotExist',
        message: 'x',
        data: { httpCode: 404, requestId: 'S1', statusCode: 404 },
      }),
    ).toMatchObject({ httpStatus: 404, cloudCode: 'ProjectNotExist', requestId: 'S1' })
    expect(
      normalizeFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })),
    ).toMatchObject({ kind: 'network', outcome: 'not-sent' })
    expect(normalizeFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toMatchObject({
      kind: 'network',
      outcome: 'unknown',
    })
    expect(
      normalizeFailure(Object.assign(new Error('ReadTimeout(200). GET http://x'), { name: 'RequestTimeoutError' })),
    ).toMatchObject({ kind: 'timeout', outcome: 'unknown' })
    // httpx's "ConnectTimeout" is its socket idle timer: it fires while a written request waits for its answer too
    expect(
      normalizeFailure(
        Object.assign(new Error('ConnectTimeout: Connect http://x failed.'), { name: 'RequestTimeoutError' }),
      ),
    ).toMatchObject({ kind: 'timeout', outcome: 'unknown' })
    // our sender says which phase failed: only a failure before the connection was up is "not sent"
    expect(normalizeFailure(new RequestTimeoutError('ConnectTimeout(5000)', false, 'ETIMEDOUT'))).toMatchObject({
      kind: 'timeout',
      outcome: 'not-sent',
    })
    expect(normalizeFailure(new RequestTimeoutError('ReadTimeout(60000)', true, 'ETIMEDOUT'))).toMatchObject({
      kind: 'timeout',
      outcome: 'unknown',
    })
    expect(normalizeFailure(new SendError('read ECONNRESET', false, 'ECONNRESET'))).toMatchObject({
      kind: 'network',
      outcome: 'not-sent',
    })
    expect(normalizeFailure(new SendError('connect ECONNREFUSED', true, 'ECONNREFUSED'))).toMatchObject({
      kind: 'network',
      outcome: 'unknown',
    })
    expect(normalizeFailure(new SyntaxError('Unexpected end of JSON input'))).toMatchObject({ kind: 'parse' })
  })

  it('keeps the request ID in the params and details, and marks lost answers', () => {
    const e = toAppError(http(500, 'InternalError'), {
      service: 'pai',
      action: 'CreateWorkspace',
      endpoint: 'e',
      attempts: 1,
      answerLost: true,
    })
    expect(e.code).toBe('CLOUD_ANSWER_LOST')
    expect(e.details).toMatchObject({ answerLost: true, outcome: 'unknown' })
    const f = toAppError(
      { ...http(404, '100400027'), requestId: 'RID-9' },
      { service: 'pai', action: 'GetWorkspace', endpoint: 'e', attempts: 1 },
    )
    expect(f.params.requestId).toBe('RID-9')
    expect(f.details).toMatchObject({ requestId: 'RID-9' })
  })
})

describe('DingTalk answers (E7)', () => {
  it.each([
    [0, 'ok', 'DINGTALK_OK'],
    [310000, 'sign not match, more: [...]', 'DINGTALK_SIGN_MISMATCH'],
    [310000, 'invalid timestamp', 'DINGTALK_TIMESTAMP_INVALID'],
    [310000, 'keywords not in content', 'DINGTALK_KEYWORD_MISSING'],
    [310000, 'ip 1.2.3.4 not in whitelist', 'DINGTALK_IP_NOT_ALLOWED'],
    [300001, 'token is not exist', 'DINGTALK_TOKEN_INVALID'],
    [410100, 'send too fast, exceed 20 times per minute', 'DINGTALK_RATE_LIMITED'],
    [130101, 'send too fast', 'DINGTALK_RATE_LIMITED'],
    [12345, 'something else', 'DINGTALK_ERROR'],
  ] as const)('errcode %i (%s) -> %s', (errcode, errmsg, code) => {
    expect(describeDingTalkAnswer(errcode, errmsg).code).toBe(code)
    expect(hasMessage(code)).toBe(true)
  })
})
