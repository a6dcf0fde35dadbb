import { CliError, EXIT, exitCodeFor, ExitWith, type ExitCode } from './exit-codes'
import type { Session } from './session'

/** Prints an error the user's way (stderr, or a JSON document with --output json) and returns its exit code. */
export async function report(err: unknown, session: Session | undefined): Promise<ExitCode> {
  if (err instanceof ExitWith) return err.exitCode
  const { CoreCallError } = await import('./session')
  const { formatMessage } = await import('@shared/messages')
  const locale = session?.locale ?? 'en'
  let code: string
  let message: string
  let exitCode: ExitCode
  let ruleId: string | undefined
  if (err instanceof CliError) {
    code = err.code
    message = formatMessage(locale, err.code, err.params)
    exitCode = err.exitCode
    ruleId = err.ruleId
  } else if (err instanceof CoreCallError) {
    code = err.code
    message = err.userMessage
    ruleId = err.ruleId
    exitCode = exitCodeFor(err.code)
  } else {
    const { AppError } = await import('@shared/ipc/errors')
    if (err instanceof AppError) {
      code = err.code
      message = formatMessage(locale, err.code, err.params)
      ruleId = err.ruleId
      exitCode = exitCodeFor(err.code)
    } else {
      code = 'INTERNAL'
      message = formatMessage(locale, 'INTERNAL', { detail: err instanceof Error ? err.message : String(err) })
      exitCode = EXIT.invalid
    }
  }
  const { json } = await import('./output')
  const { printable } = await import('@shared/printable')
  if (session?.out.mode === 'json')
    process.stdout.write(json({ ok: false, error: { code, message, ...(ruleId ? { ruleId } : {}) } }) + '\n')
  // The message may quote a file, the cloud or a robot: escaped, it stays on this one line.
  process.stderr.write(`pai-admin: ${ruleId ? `[${printable(ruleId)}] ` : ''}${printable(message)}\n`)
  return exitCode
}
