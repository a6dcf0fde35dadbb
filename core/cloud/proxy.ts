import type http from 'node:http'
import createHttpProxyAgent from 'http-proxy-agent'
import createHttpsProxyAgent from 'https-proxy-agent'
import { AppError } from '@shared/ipc/errors'
import type { ProxySetting } from './profile'

/**
 * Proxy selection. `@alicloud/openapi-core` 1.0.8 accepts `httpProxy`/`httpsProxy` in its config but
 * its transport (`@darabonba/typescript` 1.0.5 `doAction`) never uses them, so a proxied call is sent
 * by our own sender through one of these agents (see acs-send.ts).
 */

export type Env = Record<string, string | undefined>

function envVar(env: Env, name: string): string | undefined {
  const v = env[name] ?? env[name.toLowerCase()]
  return v && v.trim() !== '' ? v.trim() : undefined
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i

/** NO_PROXY matching: `*`, exact hosts, `.suffix` / `suffix` (the domain and its subdomains), optional `:port`. */
export function bypassesProxy(host: string, port: number, noProxy: string | undefined): boolean {
  if (!noProxy) return false
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') return true
    const m = /^(.*?)(?::(\d+))?$/.exec(entry)
    const pattern = (m?.[1] ?? entry).replace(/^\*/, '')
    const entryPort = m?.[2]
    if (entryPort && Number(entryPort) !== port) continue
    if (pattern.startsWith('.')) {
      if (h.endsWith(pattern) || h === pattern.slice(1)) return true
    } else if (h === pattern || h.endsWith(`.${pattern}`)) return true
  }
  return false
}

/** The proxy URL for a request to `protocol://host:port`, or undefined for a direct connection. */
export function proxyFor(
  setting: ProxySetting,
  protocol: 'http' | 'https',
  host: string,
  port: number,
  env: Env = process.env,
): string | undefined {
  if (setting === 'none') return undefined
  if (setting === 'env') {
    // Loopback never goes through an environment proxy (the local emulator, a local gateway).
    if (LOOPBACK.test(host)) return undefined
    const url =
      protocol === 'https' ? (envVar(env, 'HTTPS_PROXY') ?? envVar(env, 'HTTP_PROXY')) : envVar(env, 'HTTP_PROXY')
    if (!url || bypassesProxy(host, port, envVar(env, 'NO_PROXY'))) return undefined
    return url
  }
  return bypassesProxy(host, port, setting.noProxy) ? undefined : setting.url
}

const agents = new Map<string, http.Agent>()

/** An agent that tunnels (https targets, CONNECT) or forwards (http targets) through `proxyUrl`; one per proxy and scheme. */
export function proxyAgent(proxyUrl: string, protocol: 'http' | 'https'): http.Agent {
  const key = `${protocol} ${proxyUrl}`
  let agent = agents.get(key)
  if (!agent) {
    agent = makeProxyAgent(proxyUrl, protocol)
    agents.set(key, agent)
  }
  return agent
}

function makeProxyAgent(proxyUrl: string, protocol: 'http' | 'https'): http.Agent {
  let u: URL
  try {
    u = new URL(proxyUrl)
  } catch {
    throw new AppError('CLOUD_PROXY', { params: { detail: 'not a URL' } })
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new AppError('CLOUD_PROXY', { params: { detail: `unsupported scheme ${u.protocol}` } })
  const opts = {
    protocol: u.protocol,
    host: u.hostname,
    port: u.port || (u.protocol === 'https:' ? 443 : 80),
    auth: u.username ? `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}` : undefined,
    keepAlive: true,
  }
  return (protocol === 'https' ? createHttpsProxyAgent(opts) : createHttpProxyAgent(opts)) as unknown as http.Agent
}
