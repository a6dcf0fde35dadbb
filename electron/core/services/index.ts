import type { EventHub } from '../ipc/events'
import type { Logger } from '../log/logger'
import type { SettingsService } from './settings'

export interface CoreInfo {
  name: string
  version: string
  runtime: 'electron' | 'web' | 'cli' | 'test'
  dataDir: string
  logDir: string
}

/** Everything the handlers need, built once by createCore. Each area adds its services here. */
export interface CoreServices {
  info: CoreInfo
  events: EventHub
  log: Logger
  settings: SettingsService
}
