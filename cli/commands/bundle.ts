import fs from 'node:fs'
import path from 'node:path'
import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'
import { printable } from '@shared/printable'
import { BUNDLE_LIMITS, formatOfFileName, type BundleFormat, type BundleProblem } from '@shared/bundle'
import type { BundlePreview } from '@shared/ipc/channels/bundles'
import { decryptSecrets } from '../../core/bundles/crypto'
import { offlineContext } from '../../core/model/validation-context'
import { formatProblemLine, localizeProblems } from '../../core/bundles/problems'
import { decodeText } from '../../core/bundles/read'
import { BundleChecker } from '../../core/bundles/worker/checker'
import { CliError, EXIT, ExitWith } from '../exit-codes'
import { readSecret, secretPrompt } from '../secret-input'
import type { Session } from '../session'
import { allRows, refresh } from './workspace'

/** Reads a bundle file as text: size and binary checks happen on the bytes, before anything else. */
export function readBundleFile(file: string): { text: string } | { problem: BundleProblem[] } {
  let bytes: Buffer
  try {
    const st = fs.statSync(file)
    if (!st.isFile()) throw new Error('not a regular file')
    // A huge file is refused without reading it.
    if (st.size > BUNDLE_LIMITS.maxBytes)
      return {
        problem: localizeProblems(
          [
            {
              pointer: '',
              ruleId: 'D4',
              severity: 'error',
              code: 'BUNDLE_TOO_LARGE',
              params: { size: st.size, max: BUNDLE_LIMITS.maxBytes },
            },
          ],
          file,
          'en',
          () => ({ line: 0, column: 0 }),
        ),
      }
    bytes = fs.readFileSync(file)
  } catch (err) {
    throw new CliError('CLI_FILE_UNREADABLE', { file, detail: err instanceof Error ? err.message : String(err) })
  }
  const decoded = decodeText(bytes)
  if (!decoded.ok) return { problem: localizeProblems([decoded.problem], file, 'en', () => ({ line: 0, column: 0 })) }
  return { text: decoded.text }
}

/** Every problem as `file:line:col: …`, then the counts ("1 error, 0 warnings"), in the user's language. */
export function printProblems(locale: Locale, problems: BundleProblem[], file?: string): string {
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.length - errors
  const lines = problems.map(formatProblemLine)
  const summary = formatMessage(locale, errors === 0 ? 'CLI_VALID' : 'CLI_PROBLEM_COUNTS', { errors, warnings })
  lines.push(file !== undefined && errors === 0 ? `${printable(file)}: ${summary}` : summary)
  return lines.join('\n')
}

/** `validate FILE`: every problem at once, with file:line:column, rule ID and a fix hint. */
export async function validateCommand(
  s: Session,
  files: string[],
  o: { profile?: string; passphraseStdin?: boolean },
): Promise<void> {
  if (files.length === 1) return validateOne(s, files[0]!, o, true)
  if (o.passphraseStdin) throw new CliError('CLI_USAGE', { detail: '--passphrase-stdin takes one file' }, EXIT.usage)
  const results: unknown[] = []
  let failed = false
  for (const file of files) {
    const r = await validateOne(s, file, o, false)
    results.push(r)
    failed ||= !r.ok
  }
  s.out.result({ ok: !failed, files: results }, () => '')
  if (failed) throw new ExitWith(EXIT.invalid)
}

/** One file: prints its problems (table mode) and returns its result; `alone` prints the JSON result too. */
async function validateOne(
  s: Session,
  file: string,
  o: { profile?: string; passphraseStdin?: boolean },
  alone: true,
): Promise<void>
async function validateOne(
  s: Session,
  file: string,
  o: { profile?: string; passphraseStdin?: boolean },
  alone: false,
): Promise<{ ok: boolean }>
async function validateOne(
  s: Session,
  file: string,
  o: { profile?: string; passphraseStdin?: boolean },
  alone: boolean,
): Promise<void | { ok: boolean }> {
  const read = readBundleFile(file)
  let problems: BundleProblem[]
  let extra: Record<string, unknown> = {}
  if ('problem' in read) problems = read.problem.map((p) => ({ ...p, ...relocalize(s, p) }))
  else if (o.profile) {
    const profileId = await s.profileId(o.profile)
    const passphrase = o.passphraseStdin ? await readSecret(secretPrompt(s.locale, 'passphrase')) : undefined
    const preview: BundlePreview = await s.call('bundles.preview', {
      fileName: file,
      content: read.text,
      profileId,
      ...(passphrase ? { passphrase } : {}),
    })
    problems = preview.problems
    extra = {
      workspaces: preview.workspaces.map((w) => ({
        name: w.name,
        action: w.action,
        changesFromCloud: w.changesFromCloud.length,
      })),
      secrets: preview.secrets,
    }
  } else {
    // Offline: no core, no database, no keychain; the file is read in a worker thread, within its bounds.
    const checker = new BundleChecker()
    try {
      const check = await checker.check(file, read.text, {
        targetOf: (ws) => ({ context: offlineContext(ws.region) }),
        more: async (parsed) => {
          if (!parsed.secrets || !o.passphraseStdin) return []
          const passphrase = await readSecret(secretPrompt(s.locale, 'passphrase'))
          try {
            await decryptSecrets(parsed.secrets, passphrase)
            return []
          } catch (err) {
            const e = err as { code?: string; params?: Record<string, unknown> }
            return [
              {
                pointer: '/secrets',
                ruleId: 'D2',
                severity: 'error',
                code: e.code ?? 'BUNDLE_PASSPHRASE_WRONG',
                params: e.params ?? {},
              },
            ]
          }
        },
      })
      problems = localizeProblems(check.problems, file, s.locale, () => ({ line: 0, column: 0 }))
      extra = { workspaces: check.workspaces.map((w) => ({ name: w.name })) }
    } finally {
      await checker.close()
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length
  const result = {
    ok: errors === 0,
    file,
    errorCount: errors,
    warningCount: problems.length - errors,
    problems,
    ...extra,
  }
  if (!alone) {
    s.out.text(printProblems(s.locale, problems, file))
    return result
  }
  s.out.result(result, () => printProblems(s.locale, problems))
  if (errors > 0) throw new ExitWith(EXIT.invalid)
}

function relocalize(s: Session, p: BundleProblem): Pick<BundleProblem, 'message' | 'hint'> {
  const [m] = localizeProblems(
    [
      {
        pointer: p.pointer,
        ruleId: p.ruleId,
        severity: p.severity,
        code: p.code,
        params: p.params,
        at: { line: p.line, column: p.column },
      },
    ],
    p.file,
    s.locale,
    () => ({ line: 0, column: 0 }),
  )
  return { message: m!.message, hint: m!.hint }
}

/** Writes a file atomically (temporary file, then rename), so a failure leaves no half file. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`)
  try {
    fs.writeFileSync(tmp, content, { mode: 0o644 })
    fs.renameSync(tmp, file)
  } catch (err) {
    fs.rmSync(tmp, { force: true })
    throw new CliError('CLI_FILE_UNWRITABLE', { file, detail: err instanceof Error ? err.message : String(err) })
  }
}

export interface ExportOptions {
  profile: string
  workspace: string[]
  output?: string
  format?: BundleFormat
  from?: 'cloud' | 'draft'
  encryptSecrets?: boolean
  offline?: boolean
}

/** `export`: one or more workspaces of a profile as one bundle (stdout, or -o FILE). */
export async function exportCommand(s: Session, o: ExportOptions): Promise<void> {
  const profileId = await s.profileId(o.profile)
  await refresh(s, profileId, o.offline)
  const rows = await allRows(s, profileId)
  const keys = o.workspace.map((name) => {
    const row = rows.find((r) => r.name === name)
    if (!row) throw new CliError('BUNDLE_WORKSPACE_NOT_FOUND', { name, profile: o.profile }, EXIT.invalid)
    return row.key
  })
  const format: BundleFormat = o.format ?? (o.output ? (formatOfFileName(o.output) ?? 'yaml') : 'yaml')
  const secrets = o.encryptSecrets
    ? { mode: 'encrypted' as const, passphrase: await readSecret(secretPrompt(s.locale, 'exportPassphrase')) }
    : { mode: 'refs' as const }
  const res = await s.call('bundles.export', { keys, format, source: o.from ?? 'cloud', secrets })
  if (o.output) {
    writeFileAtomic(o.output, res.content)
    s.out.result({ file: o.output, workspaces: res.workspaces, encryptedSecrets: res.encryptedSecrets }, () => '')
    if (s.out.mode !== 'json')
      s.out.note(
        formatMessage(s.locale, 'CLI_EXPORT_WROTE', {
          file: o.output,
          workspaces: res.workspaces,
          secrets: res.encryptedSecrets,
        }),
      )
  } else if (s.out.mode === 'json') s.out.result(res, () => '')
  else s.out.content(res.content)
}
