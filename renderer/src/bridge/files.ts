import type { FileKind } from '@shared/ipc/channels/files'
import { bridge, call } from './index'

/**
 * Saving and opening files. In the desktop app: the OS's own dialogs (files.save / files.open), in its language;
 * in a browser: a download. Screens call it and never know which.
 */
export const hasFileDialogs = bridge.kind === 'electron'

export interface SaveRequest {
  suggestedName: string
  kind: FileKind
  content: string
  encoding?: 'utf8' | 'base64'
  mime: string
}

/** Saves a file; answers the file name saved under, or null when the user cancelled. */
export async function saveFile(r: SaveRequest): Promise<string | null> {
  if (hasFileDialogs) {
    const res = await call('files.save', {
      suggestedName: r.suggestedName,
      kind: r.kind,
      content: r.content,
      encoding: r.encoding ?? 'utf8',
    })
    return res.saved ? res.fileName : null
  }
  const data = r.encoding === 'base64' ? Uint8Array.from(atob(r.content), (c) => c.charCodeAt(0)) : r.content
  const url = URL.createObjectURL(new Blob([data], { type: r.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = r.suggestedName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return r.suggestedName
}

/** Opens a file through the OS's dialog (desktop only); answers its name and text, or null when cancelled. */
export async function openFile(kind: FileKind): Promise<{ name: string; content: string } | null> {
  const res = await call('files.open', { kind })
  return res.opened && res.fileName !== null && res.content !== null
    ? { name: res.fileName, content: res.content }
    : null
}
