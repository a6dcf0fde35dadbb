import fs from 'node:fs/promises'
import path from 'node:path'
import { BUNDLE_LIMITS } from '@shared/bundle/schema'
import type { FileKind } from '@shared/ipc/channels/files'
import { AppError } from '@shared/ipc/errors'
import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'

/** A filter of the OS dialog: a name in the user's language and the extensions it shows. */
export interface FileFilter {
  name: string
  extensions: string[]
}

/**
 * The OS's own save and open dialogs (Electron main implements it with `dialog`); each answers the path the user
 * chose, or null when they cancelled. Nothing else of the desktop is needed here.
 */
export interface FileDialogs {
  chooseSavePath(o: { title: string; suggestedName: string; filters: FileFilter[] }): Promise<string | null>
  chooseOpenPath(o: { title: string; filters: FileFilter[] }): Promise<string | null>
}

const EXTENSIONS: Record<FileKind, string[]> = { bundle: ['yaml', 'yml', 'json'], csv: ['csv'], xlsx: ['xlsx'] }
const KIND_NAME: Record<FileKind, string> = { bundle: 'FILE_KIND_BUNDLE', csv: 'FILE_KIND_CSV', xlsx: 'FILE_KIND_XLSX' }

function filtersFor(kind: FileKind, locale: Locale): FileFilter[] {
  return [{ name: formatMessage(locale, KIND_NAME[kind]), extensions: EXTENSIONS[kind] }]
}

const detailOf = (err: unknown): string => (err instanceof Error ? err.message : String(err)).slice(0, 300)

/**
 * Saving and opening files through the desktop's dialogs: the user picks the path, the core writes or reads the
 * file (the renderer never names a path). Without dialogs (the browser harness, the CLI) FILE_DIALOG_UNAVAILABLE.
 */
export class FilesService {
  constructor(private readonly dialogs?: FileDialogs) {}

  private need(): FileDialogs {
    if (!this.dialogs) throw new AppError('FILE_DIALOG_UNAVAILABLE')
    return this.dialogs
  }

  async save(
    req: { suggestedName: string; kind: FileKind; content: string; encoding: 'utf8' | 'base64' },
    locale: Locale,
  ): Promise<{ saved: boolean; fileName: string | null }> {
    const file = await this.need().chooseSavePath({
      title: formatMessage(locale, 'FILE_SAVE_TITLE'),
      suggestedName: req.suggestedName,
      filters: filtersFor(req.kind, locale),
    })
    if (!file) return { saved: false, fileName: null }
    const bytes = req.encoding === 'base64' ? Buffer.from(req.content, 'base64') : Buffer.from(req.content, 'utf8')
    try {
      await fs.writeFile(file, bytes)
    } catch (err) {
      throw new AppError('FILE_UNWRITABLE', { params: { file, detail: detailOf(err) }, cause: err })
    }
    return { saved: true, fileName: path.basename(file) }
  }

  async open(
    req: { kind: FileKind },
    locale: Locale,
  ): Promise<{ opened: boolean; fileName: string | null; content: string | null }> {
    const file = await this.need().chooseOpenPath({
      title: formatMessage(locale, 'FILE_OPEN_TITLE'),
      filters: filtersFor(req.kind, locale),
    })
    if (!file) return { opened: false, fileName: null, content: null }
    let bytes: Buffer
    try {
      const st = await fs.stat(file)
      if (st.size > BUNDLE_LIMITS.maxBytes)
        throw new AppError('BUNDLE_TOO_LARGE', { ruleId: 'D4', params: { size: st.size, max: BUNDLE_LIMITS.maxBytes } })
      bytes = await fs.readFile(file)
    } catch (err) {
      if (err instanceof AppError) throw err
      throw new AppError('FILE_UNREADABLE', { params: { file, detail: detailOf(err) }, cause: err })
    }
    let content: string
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      throw new AppError('BUNDLE_BINARY', { ruleId: 'D4' })
    }
    return { opened: true, fileName: path.basename(file), content }
  }
}
