import type { z } from 'zod'
import { appChannels } from './channels/app'
import { profilesChannels } from './channels/profiles'
import { profileImportChannels } from './channels/profile-import'
import { workspacesChannels } from './channels/workspaces'
import { syncChannels } from './channels/sync'
import { bundlesChannels } from './channels/bundles'
import { cloudChannels } from './channels/cloud'
import { accountsChannels } from './channels/accounts'
import { accessChannels } from './channels/access'
import { filesChannels } from './channels/files'

/**
 * The IPC contract: every channel the renderer may call, with its request and response schemas.
 * The preload, the Electron main process, the browser harness and the renderer all read this one table.
 */
export const contract = {
  ...appChannels,
  ...profilesChannels,
  ...profileImportChannels,
  ...workspacesChannels,
  ...syncChannels,
  ...bundlesChannels,
  ...cloudChannels,
  ...accountsChannels,
  ...accessChannels,
  ...filesChannels,
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/** Channel names as they travel over Electron IPC (prefixed, like VS Code's `vscode:`). */
export const IPC_PREFIX = 'pai:'
export const IPC_EVENT_CHANNEL = 'pai:event'
