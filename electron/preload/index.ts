import { contextBridge, ipcRenderer } from 'electron'
import { contract, IPC_EVENT_CHANNEL, IPC_PREFIX } from '@shared/ipc/contract'
import { events } from '@shared/ipc/events'
import { BRIDGE_GLOBAL, type PaiBridge } from '@shared/ipc/api'

// One frozen object, able to call only the contract's channels. Raw ipcRenderer is never exposed,
// and event listeners receive only the payload, never the Electron event object.
const channelNames = new Set(Object.keys(contract))
const eventNames = new Set(Object.keys(events))

const bridge: PaiBridge = {
  kind: 'electron',
  invoke(channel, request) {
    if (!channelNames.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${String(channel)}"` },
      })
    }
    return ipcRenderer.invoke(IPC_PREFIX + channel, request)
  },
  on(event, listener) {
    if (!eventNames.has(event)) throw new Error(`Unknown event "${String(event)}"`)
    const wrapped = (_e: unknown, msg: { event: string; payload: unknown }): void => {
      if (msg && msg.event === event) listener(msg.payload as never)
    }
    ipcRenderer.on(IPC_EVENT_CHANNEL, wrapped)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, wrapped)
    }
  },
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge))
