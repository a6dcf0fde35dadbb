import { describe, expect, it } from 'vitest'
import { CSP, isAllowedExternalUrl } from '../../../shared/web-security'
import {
  APP_ORIGIN,
  appOrigins,
  isAllowedNavigation,
  isTrustedSender,
  permissionDecision,
} from '../../../electron/main/security'
import { mainWindowOptions } from '../../../electron/main/window-options'

describe('window options (Electron hardening)', () => {
  const opts = mainWindowOptions('/app/out/preload/index.js', { dark: false })
  const wp = opts.webPreferences

  it('isolates the context and sandboxes the renderer', () => {
    expect(wp.contextIsolation).toBe(true)
    expect(wp.sandbox).toBe(true)
  })
  it('gives the renderer no Node.js integration anywhere', () => {
    expect(wp.nodeIntegration).toBe(false)
    expect(wp.nodeIntegrationInWorker).toBe(false)
    expect(wp.nodeIntegrationInSubFrames).toBe(false)
  })
  it('keeps web security on and insecure content, experiments and webviews off', () => {
    expect(wp.webSecurity).toBe(true)
    expect(wp.allowRunningInsecureContent).toBe(false)
    expect(wp.experimentalFeatures).toBe(false)
    expect(wp.webviewTag).toBe(false)
    expect(wp.navigateOnDragDrop).toBe(false)
  })
  it('turns off middle-click new windows (Auxclick)', () => {
    expect(wp.disableBlinkFeatures).toBe('Auxclick')
  })
  it('loads the preload given', () => {
    expect(wp.preload).toBe('/app/out/preload/index.js')
  })
})

describe('CSP', () => {
  it('allows scripts only from the app itself, never eval or inline', () => {
    expect(CSP).toContain("script-src 'self'")
    expect(CSP).not.toContain('unsafe-eval')
    expect(CSP).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(CSP).toContain("object-src 'none'")
    expect(CSP).toContain("frame-ancestors 'none'")
  })
})

describe('navigation and external links', () => {
  const origins = appOrigins()
  it('allows in-app hash navigation and denies any other origin', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html#/workspaces`, origins)).toBe(true)
    expect(isAllowedNavigation('https://evil.example/', origins)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', origins)).toBe(false)
    expect(isAllowedNavigation('not a url', origins)).toBe(false)
  })
  it('accepts the dev server only when it is on loopback', () => {
    expect(appOrigins('http://localhost:5173')).toContain('http://localhost:5173')
    expect(appOrigins('http://example.com:5173')).not.toContain('http://example.com:5173')
  })
  it('opens only https Alibaba Cloud console and help links externally', () => {
    expect(isAllowedExternalUrl('https://pai.console.aliyun.com/#/workspace/list')).toBe(true)
    expect(isAllowedExternalUrl('https://help.aliyun.com/zh/pai/user-guide/')).toBe(true)
    expect(isAllowedExternalUrl('http://pai.console.aliyun.com/')).toBe(false)
    expect(isAllowedExternalUrl('https://aliyun.com.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@help.aliyun.com/')).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
  })
})

describe('IPC sender check', () => {
  const origins = appOrigins()
  it('accepts the app page in the top frame', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html#/x`, isMainFrame: true }, origins)).toBe(true)
  })
  it('refuses a sub-frame, a foreign page, and a vanished frame', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isMainFrame: false }, origins)).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, origins)).toBe(false)
    expect(isTrustedSender({ url: 'app://other-host/index.html', isMainFrame: true }, origins)).toBe(false)
    expect(isTrustedSender({ url: undefined, isMainFrame: true }, origins)).toBe(false)
  })
})

describe('permissions', () => {
  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(permissionDecision(p)).toBe(false)
    }
  })
})
