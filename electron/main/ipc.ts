import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { contract, IPC_EVENT_CHANNEL, IPC_PREFIX } from '@shared/ipc/contract'
import { toErrorPayload, AppError } from '@shared/ipc/errors'
import type { Core } from '../../core/core'
import { isTrustedSender } from './security'

/**
 * Wires the contract to the core: one ipcMain.handle per channel. Each call checks the sender
 * (own page, top frame), then goes through the core's dispatch (zod validation, error mapping).
 */
export function registerIpc(core: Core, origins: string[]): void {
  for (const name of Object.keys(contract)) {
    ipcMain.handle(IPC_PREFIX + name, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame
      const trusted = isTrustedSender(
        { url: frame?.url, isMainFrame: frame !== null && frame.parent === null },
        origins,
      )
      if (!trusted) {
        return {
          ok: false,
          error: toErrorPayload(new AppError('FORBIDDEN_SENDER'), core.services.settings.get().locale),
        }
      }
      return core.call(name, payload, { transport: 'electron' })
    })
  }
}

/** Forwards core events to a window; only the payload crosses, never the Electron event object. */
export function forwardEvents(core: Core, win: BrowserWindow): () => void {
  return core.events.subscribe((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, { event, payload })
  })
}
