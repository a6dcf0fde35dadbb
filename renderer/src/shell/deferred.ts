import { shallowRef, type App } from 'vue'
import type { ShellParts } from './parts'

/**
 * The parts of the shell the first rows do not need, loaded after them (./parts.ts is a lazy chunk of its own,
 * with Element Plus's configuration): null until loaded, then every part at once, so they appear together.
 */
export const shellParts = shallowRef<ShellParts | null>(null)

let app: App | undefined
let loading: Promise<void> | undefined

/** The app Element Plus's configuration is provided to (set at boot, before anything loads the parts). */
export function setShellApp(a: App): void {
  app = a
}

/** Loads the deferred parts and provides Element Plus's configuration (once; later calls share the load). */
export function loadShell(): Promise<void> {
  loading ??= import('./parts').then((m) => {
    if (app) m.provideElementPlus(app)
    shellParts.value = m.parts
  })
  return loading
}
