/**
 * Pure security decisions for the Electron shell, kept free of `electron` imports so they are unit-tested.
 */

/** The custom scheme the built renderer is served from (checklist 18: avoid file://). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'pai-admin'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** The origins the app's own page may have: the custom scheme, or the dev server while developing. */
export function appOrigins(devServerUrl?: string): string[] {
  const origins = [APP_ORIGIN]
  if (devServerUrl) {
    try {
      const u = new URL(devServerUrl)
      if (u.hostname === 'localhost' || u.hostname === '127.0.0.1') origins.push(u.origin)
    } catch {
      // ignore a malformed dev URL
    }
  }
  return origins
}

function originOf(raw: string): string | undefined {
  try {
    const u = new URL(raw)
    // URL.origin is "null" for non-special schemes such as app://; build it by hand.
    return `${u.protocol}//${u.host}`
  } catch {
    return undefined
  }
}

/** Navigation inside the window is allowed only within the app's own origin (hash routes). */
export function isAllowedNavigation(target: string, origins: string[]): boolean {
  const o = originOf(target)
  return o !== undefined && origins.includes(o)
}

export interface SenderInfo {
  /** senderFrame.url, or undefined when the frame is gone. */
  url: string | undefined
  /** True when the frame is the top frame (senderFrame.parent === null). */
  isMainFrame: boolean
}

/** An IPC call is accepted only from the app's own page, top frame (VS Code's validatedIpcMain). */
export function isTrustedSender(sender: SenderInfo, origins: string[]): boolean {
  if (!sender.isMainFrame || !sender.url) return false
  const o = originOf(sender.url)
  return o !== undefined && origins.includes(o)
}

/** Every permission request (camera, notifications, geolocation, ...) is denied. */
export function permissionDecision(_permission: string): boolean {
  return false
}
