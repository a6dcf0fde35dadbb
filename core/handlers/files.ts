import type { HandlersFor } from '../ipc/types'
import type { HandlerServices } from './services'

export function filesHandlers(s: HandlerServices): HandlersFor<'files.save' | 'files.open'> {
  return {
    'files.save': (req, ctx) => s.files.save(req, ctx.locale),
    'files.open': (req, ctx) => s.files.open(req, ctx.locale),
  }
}
