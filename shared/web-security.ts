/**
 * Web security policy shared by every front door that serves the renderer (the Electron shell's app://
 * protocol and the browser harness): the Content-Security-Policy and the allow-list of external links.
 * Pure TypeScript, so it is unit-tested and usable anywhere.
 */

/**
 * The production Content-Security-Policy, sent as a header and as a meta tag.
 * No 'unsafe-eval', no inline scripts; Element Plus needs inline style attributes.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Hosts an external link may open in the user's browser: Alibaba Cloud console and help pages. */
const EXTERNAL_HOST_SUFFIXES = ['.console.aliyun.com', '.aliyun.com', '.alibabacloud.com', '.dingtalk.com']
const EXTERNAL_HOSTS = ['help.aliyun.com', 'www.alibabacloud.com', 'pai.console.aliyun.com', 'ram.console.aliyun.com']

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false
  const host = url.hostname.toLowerCase()
  return EXTERNAL_HOSTS.includes(host) || EXTERNAL_HOST_SUFFIXES.some((s) => host.endsWith(s))
}
