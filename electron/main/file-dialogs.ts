import { BrowserWindow, dialog } from 'electron'
import type { FileDialogs } from '../../core/services/files'

/** The OS's save and open dialogs, attached to the focused window (the core writes or reads the file chosen). */
export const fileDialogs: FileDialogs = {
  async chooseSavePath({ title, suggestedName, filters }) {
    const win = BrowserWindow.getFocusedWindow()
    const opts = { title, defaultPath: suggestedName, filters }
    const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts)
    return r.canceled || !r.filePath ? null : r.filePath
  },
  async chooseOpenPath({ title, filters }) {
    const win = BrowserWindow.getFocusedWindow()
    const opts = { title, filters, properties: ['openFile' as const] }
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
    return r.canceled ? null : (r.filePaths[0] ?? null)
  },
}
