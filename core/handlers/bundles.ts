import type { HandlersFor } from '../ipc/types'
import type { HandlerServices } from './services'

type BundlesChannel = 'bundles.export' | 'bundles.preview' | 'bundles.import'

/** Config bundles (D4): export, import preview, import as drafts. Content-based: no file paths cross IPC. */
export function bundlesHandlers(s: HandlerServices): HandlersFor<BundlesChannel> {
  return {
    'bundles.export': (req) => s.bundles.export(req),
    'bundles.preview': (req, ctx) => s.bundles.preview(req, ctx.locale),
    'bundles.import': (req) => s.bundles.import(req),
  }
}
