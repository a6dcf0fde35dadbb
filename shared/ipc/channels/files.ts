import { z } from 'zod'
import { channel } from '../channel'
import { BUNDLE_LIMITS } from '../../bundle/schema'

/**
 * Files through the desktop's own dialogs (Electron: the OS save and open dialogs, in the OS's language). The
 * renderer never names a path: it passes what to write and which kind of file, the user picks where, and the
 * core writes or reads it. Where there is no desktop (the browser harness) these answer FILE_DIALOG_UNAVAILABLE
 * and the screens download or upload instead.
 */
export const FileKindSchema = z.enum(['bundle', 'csv', 'xlsx'])
export type FileKind = z.infer<typeof FileKindSchema>

const FileNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((n) => !/[\\/\u0000-\u001f]/.test(n), 'a file name, not a path')

export const filesChannels = {
  /** Asks where to save, then writes the content there (`base64` for binary files such as XLSX). */
  'files.save': channel(
    z.strictObject({
      suggestedName: FileNameSchema,
      kind: FileKindSchema,
      content: z.string().max(BUNDLE_LIMITS.maxBytes * 2),
      encoding: z.enum(['utf8', 'base64']).default('utf8'),
    }),
    z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  ),
  /** Asks for a file to open, then reads it (text, at most the bundle size limit). */
  'files.open': channel(
    z.strictObject({ kind: FileKindSchema }),
    z.object({ opened: z.boolean(), fileName: z.string().nullable(), content: z.string().nullable() }),
  ),
} as const
