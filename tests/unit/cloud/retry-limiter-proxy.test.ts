import { describe, expect, it } from 'vitest'
import { backoffDelay, DEFAULT_RETRY_POLICY, mayRetry } from '../../../core/cloud/retry'
import { ConcurrencyLimiter, LimiterRegistry } from '../../../core/cloud/limiter'
import { bypassesProxy, proxyFor } from '../../../core/cloud/proxy'
import { collectPages, collectTokenPages } from '../../../core/cloud/paginate'
import { CloudProfileSchema, endpointFor } from '../../../core/cloud/profile'

describe('backoff', () => {
  const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 }
  it('is exponential with full jitter and a cap', () => {
    expect(backoffDelay(p, 1, undefined, () => 0.999)).toBe(99)
    expect(backoffDelay(p, 3, undefined, () => 0.999)).toBe(399)
    expect(backoffDelay(p, 10, undefined, () => 0.999)).toBe(999)
    expect(backoffDelay(p, 3, undefined, () => 0)).toBe(0)
  })
  it('never comes back before x-acs-retry-after', () => {
    for (const r of [0, 0.5, 0.999]) expect(backoffDelay(p, 1, 700, () => r)).toBeGreaterThanOrEqual(700)
  })
  it('retries creates only when nothing was sent or when throttled', () => {
    expect(mayRetry('throttled', false, 'rejected')).toBe(true)
    expect(mayRetry('transient', false, 'unknown')).toBe(false)
    expect(mayRetry('transient', false, 'not-sent')).toBe(true)
    expect(mayRetry('transient', true, 'unknown')).toBe(true)
    expect(mayRetry('never', true, 'rejected')).toBe(false)
  })
})

describe('ConcurrencyLimiter', () => {
  it('runs at most max tasks at once, in order, and resizes', async () => {
    const l = new ConcurrencyLimiter(2)
    let running = 0
    let peak = 0
    const order: number[] = []
    const gate: Array<() => void> = []
    const tasks = [0, 1, 2, 3, 4].map((i) =>
      l.run(async () => {
        running++
        peak = Math.max(peak, running)
        await new Promise<void>((r) => gate.push(r))
        order.push(i)
        running--
      }),
    )
    await Promise.resolve()
    expect(l.active).toBe(2)
    expect(l.pending).toBe(3)
    l.resize(3)
    expect(l.active).toBe(3)
    while (gate.length) {
      gate.shift()!()
      await new Promise((r) => setTimeout(r, 1))
    }
    await Promise.all(tasks)
    expect(peak).toBe(3)
    expect(order).toEqual([0, 1, 2, 3, 4])
    expect(() => l.resize(0)).toThrow(RangeError)
  })
  it('the registry keeps one limiter per endpoint', () => {
    const r = new LimiterRegistry(4)
    expect(r.forEndpoint('https://a')).toBe(r.forEndpoint('https://a'))
    expect(r.forEndpoint('https://b')).not.toBe(r.forEndpoint('https://a'))
    r.resize('https://a', 9)
    // the cap; `max` is what the learned window allows now, within it
    expect(r.forEndpoint('https://a').maxConcurrent).toBe(9)
    expect(r.forEndpoint('https://a').max).toBeLessThanOrEqual(9)
  })
})

describe('proxy selection', () => {
  it('reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case)', () => {
    const env = { HTTPS_PROXY: 'http://proxy:3128', no_proxy: '.internal.example, 10.0.0.5, aliyuncs.com:8443' }
    expect(proxyFor('env', 'https', 'aiworkspace.cn-hangzhou.aliyuncs.com', 443, env)).toBe('http://proxy:3128')
    expect(proxyFor('env', 'https', 'aiworkspace.cn-hangzhou.aliyuncs.com', 8443, env)).toBeUndefined()
    expect(proxyFor('env', 'https', 'api.internal.example', 443, env)).toBeUndefined()
    expect(proxyFor('env', 'https', '10.0.0.5', 443, env)).toBeUndefined()
    expect(proxyFor('env', 'http', 'example.com', 80, env)).toBeUndefined()
    expect(proxyFor('env', 'http', 'example.com', 80, { http_proxy: 'http://p:1' })).toBe('http://p:1')
    expect(proxyFor('env', 'https', '127.0.0.1', 9123, env)).toBeUndefined()
    expect(proxyFor('none', 'https', 'example.com', 443, env)).toBeUndefined()
    expect(proxyFor({ url: 'http://mine:8080', noProxy: '*.corp' }, 'https', 'example.com', 443, {})).toBe(
      'http://mine:8080',
    )
    expect(proxyFor({ url: 'http://mine:8080', noProxy: '*.corp' }, 'https', 'a.corp', 443, {})).toBeUndefined()
  })
  it('NO_PROXY * bypasses everything', () => {
    expect(bypassesProxy('x.y', 1, '*')).toBe(true)
    expect(bypassesProxy('x.y', 1, '')).toBe(false)
  })
})

describe('pagination helpers', () => {
  it('collects every page and stops at a short page or TotalCount', async () => {
    const data = Array.from({ length: 250 }, (_, i) => i)
    const calls: number[] = []
    const all = await collectPages(async (n, size) => {
      calls.push(n)
      return { items: data.slice((n - 1) * size, n * size), totalCount: data.length, pageNumber: n, pageSize: size }
    })
    expect(all).toEqual(data)
    expect(calls).toEqual([1, 2, 3])
    const exact = await collectPages(async (n, size) => ({
      items: n === 1 ? data.slice(0, size) : [],
      totalCount: size,
      pageNumber: n,
      pageSize: size,
    }))
    expect(exact).toHaveLength(100)
  })
  it('follows NextToken until it is empty', async () => {
    const pages: Record<string, { items: number[]; nextToken?: string }> = {
      '': { items: [1, 2], nextToken: 'a' },
      a: { items: [3], nextToken: '' },
    }
    expect(await collectTokenPages(async (t) => pages[t ?? '']!)).toEqual([1, 2, 3])
  })
})

describe('profile', () => {
  it('derives public endpoints per service and lets one endpoint override them', () => {
    const p = CloudProfileSchema.parse({ region: 'cn-shanghai', accessKeyId: 'a', accessKeySecret: 's' })
    expect([
      endpointFor(p, 'pai'),
      endpointFor(p, 'eventBridge'),
      endpointFor(p, 'sts'),
      endpointFor(p, 'sls'),
    ]).toEqual([
      'aiworkspace.cn-shanghai.aliyuncs.com',
      'eventbridge-console.cn-shanghai.aliyuncs.com',
      'sts.cn-shanghai.aliyuncs.com',
      'cn-shanghai.log.aliyuncs.com',
    ])
    expect(p.protocol).toBe('https')
    expect(p.proxy).toBe('env')
    const e = CloudProfileSchema.parse({
      region: 'cn-shanghai',
      endpoint: '127.0.0.1:9',
      endpoints: { sls: 'logs:1' },
      accessKeyId: 'a',
      accessKeySecret: 's',
    })
    expect([endpointFor(e, 'pai'), endpointFor(e, 'sls')]).toEqual(['127.0.0.1:9', 'logs:1'])
    expect(CloudProfileSchema.safeParse({ region: 'Hangzhou', accessKeyId: 'a', accessKeySecret: 's' }).success).toBe(
      false,
    )
  })
})
