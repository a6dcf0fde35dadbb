import fs from 'node:fs'
import path from 'node:path'
import { printableJson } from '@shared/printable'
import { privateDir, privateFile } from '../private-files'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/**
 * A JSON-lines logger for the core. Every line passes through the redactor first: secrets that the
 * vault has seen in this process are replaced by "***", and AccessKey-looking values are masked.
 */
export class Logger {
  private readonly secrets = new Set<string>()
  private readonly file: string | undefined

  constructor(logDir?: string) {
    if (logDir) {
      // Logs name profiles, workspaces and request IDs: owner only (0700 / 0600), whatever the umask.
      privateDir(logDir)
      this.file = path.join(logDir, 'app.log')
      privateFile(this.file)
    }
  }

  /** Marks a value as secret: it is masked in every later log line. */
  addSecret(value: string): void {
    if (value.length >= 4) this.secrets.add(value)
  }

  redact(text: string): string {
    let out = text
    for (const s of this.secrets) out = out.split(s).join('***')
    // AccessKey IDs are not secret but are masked like the console's own tools do.
    return out.replace(/\b(LTAI[0-9A-Za-z]{2})[0-9A-Za-z]{8,}/g, '$1****')
  }

  log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
    // One JSON line: text from outside (a file, the cloud) can neither break the line nor reach a terminal raw.
    const line = this.redact(printableJson(JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields })))
    if (this.file) fs.appendFileSync(this.file, line + '\n', { mode: 0o600 })
    else if (level === 'error' || level === 'warn') process.stderr.write(line + '\n')
  }

  info(msg: string, fields?: Record<string, unknown>): void {
    this.log('info', msg, fields)
  }
  warn(msg: string, fields?: Record<string, unknown>): void {
    this.log('warn', msg, fields)
  }
  error(msg: string, fields?: Record<string, unknown>): void {
    this.log('error', msg, fields)
  }
}
