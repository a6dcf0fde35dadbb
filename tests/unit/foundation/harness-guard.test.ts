import { describe, expect, it } from 'vitest'
import { checkRequest } from '../../../web/guard'

const opts = { port: 4321, token: 'secret-token', requireToken: true }
const good = { host: '127.0.0.1:4321', origin: undefined, authorization: 'Bearer secret-token', queryToken: null }

describe('browser harness gate', () => {
  it('lets a loopback request with the token through', () => {
    expect(checkRequest(good, opts)).toBe('ok')
    expect(checkRequest({ ...good, origin: 'http://127.0.0.1:4321' }, opts)).toBe('ok')
  })
  it('answers 401 without the token or with a wrong one', () => {
    expect(checkRequest({ ...good, authorization: undefined }, opts)).toBe('unauthorized')
    expect(checkRequest({ ...good, authorization: 'Bearer nope' }, opts)).toBe('unauthorized')
    expect(checkRequest({ ...good, authorization: 'secret-token' }, opts)).toBe('unauthorized')
  })
  it('accepts the token in the query for the event stream', () => {
    expect(checkRequest({ ...good, authorization: undefined, queryToken: 'secret-token' }, opts)).toBe('ok')
  })
  it('answers 403 for a foreign Host (DNS rebinding) or Origin', () => {
    expect(checkRequest({ ...good, host: 'evil.example:4321' }, opts)).toBe('forbidden')
    expect(checkRequest({ ...good, host: 'localhost:4321' }, opts)).toBe('forbidden')
    expect(checkRequest({ ...good, host: undefined }, opts)).toBe('forbidden')
    expect(checkRequest({ ...good, origin: 'http://evil.example' }, opts)).toBe('forbidden')
    expect(checkRequest({ ...good, origin: 'null' }, opts)).toBe('forbidden')
  })
  it('serves static files without the token but still checks the Host', () => {
    const page = { ...opts, requireToken: false }
    expect(checkRequest({ ...good, authorization: undefined }, page)).toBe('ok')
    expect(checkRequest({ ...good, authorization: undefined, host: 'evil:4321' }, page)).toBe('forbidden')
  })
})
