import type { HandlersFor } from '../ipc/types'
import type { HandlerServices } from './services'

type AppChannel = 'app.info' | 'app.ping' | 'settings.get' | 'settings.update'

export function appHandlers(s: HandlerServices): HandlersFor<AppChannel> {
  return {
    'app.info': () => ({
      name: s.info.name,
      version: s.info.version,
      runtime: s.info.runtime,
      dataDir: s.info.dataDir,
      logDir: s.info.logDir,
    }),
    'app.ping': ({ text }) => ({ text, at: new Date().toISOString() }),
    'settings.get': () => s.settings.get(),
    'settings.update': (patch) => {
      const next = s.settings.update(patch)
      s.events.emit('data.changed', { area: 'settings' })
      return next
    },
  }
}
