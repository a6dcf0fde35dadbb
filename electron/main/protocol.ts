import path from 'node:path'
import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { CSP } from '@shared/web-security'
import { APP_HOST, APP_SCHEME } from './security'

/**
 * Must run before `app.whenReady()`: the app scheme is standard and secure, like https, and V8 keeps the compiled
 * code of its scripts between starts (by default only http(s) scripts get a code cache).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

/** Serves the built renderer from `rendererDir` on app://pai-admin/, with the CSP header on every answer. */
export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir)
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 })
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    const file = path.resolve(root, '.' + rel)
    if (file !== root && !file.startsWith(root + path.sep)) return new Response('Forbidden', { status: 403 })
    const res = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(res.headers)
    headers.set('Content-Security-Policy', CSP)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(res.body, { status: res.status, headers })
  })
}
