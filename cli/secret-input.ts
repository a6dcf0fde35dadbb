import type { Locale } from '@shared/locale'
import { formatMessage } from '@shared/messages'
import { CliError } from './exit-codes'

/** A secret a command asks for: its name inside the errors, and the hidden prompt, in the user's language. */
export interface SecretPrompt {
  what: string
  prompt: string
}

/** Which secret: the catalogue keys of its name and its prompt (shared/messages/cli-secrets.ts). */
const ASKED = {
  passphrase: ['CLI_SECRET_WHAT_PASSPHRASE', 'CLI_SECRET_PROMPT_PASSPHRASE'],
  exportPassphrase: ['CLI_SECRET_WHAT_PASSPHRASE', 'CLI_SECRET_PROMPT_EXPORT_PASSPHRASE'],
  dingtalk: ['CLI_SECRET_WHAT_DINGTALK', 'CLI_SECRET_PROMPT_DINGTALK'],
  dingtalkRef: ['CLI_SECRET_WHAT_DINGTALK', 'CLI_SECRET_PROMPT_DINGTALK_REF'],
  accessKeySecret: ['CLI_SECRET_WHAT_ACCESS_KEY_SECRET', 'CLI_SECRET_PROMPT_ACCESS_KEY_SECRET'],
  securityToken: ['CLI_SECRET_WHAT_SECURITY_TOKEN', 'CLI_SECRET_PROMPT_SECURITY_TOKEN'],
} as const

/** The name and prompt of a secret in `locale`; `params` fill the prompt (`ref` of dingtalkRef). */
export function secretPrompt(
  locale: Locale,
  asked: keyof typeof ASKED,
  params: Record<string, unknown> = {},
): SecretPrompt {
  const [what, prompt] = ASKED[asked]
  return { what: formatMessage(locale, what), prompt: formatMessage(locale, prompt, params) }
}

/**
 * Reads a secret: from stdin when it is piped (`printf %s "$SECRET" | pai-admin …`, one trailing newline
 * dropped), or with a hidden prompt on a terminal. Never from an argument (it would land in shell history
 * and the process list) and never echoed.
 */
export async function readSecret(
  asked: SecretPrompt,
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  const { what, prompt } = asked
  const value = stdin.isTTY ? await hiddenPrompt(what, prompt, stdin, stderr) : await readAll(stdin)
  const secret = value.replace(/\r?\n$/, '')
  if (secret === '') throw new CliError('CLI_SECRET_REQUIRED', { what })
  return secret
}

async function readAll(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += b.length
    if (size > 64 * 1024) throw new CliError('CLI_USAGE', { detail: 'standard input is too long for a secret' })
    chunks.push(b)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function hiddenPrompt(
  what: string,
  prompt: string,
  stdin: NodeJS.ReadStream,
  stderr: NodeJS.WriteStream,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = ''
    stderr.write(prompt)
    stdin.setRawMode(true)
    stdin.resume()
    stdin.setEncoding('utf8')
    const done = (err?: Error): void => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.off('data', onData)
      stderr.write('\n')
      if (err) reject(err)
      else resolve(value)
    }
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done()
        // Ctrl-C: the user gave up typing the secret; nothing was read, so the command changes nothing.
        if (ch === '\u0003') return done(new CliError('CLI_SECRET_ABORTED', { what }))
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1)
        else value += ch
      }
    }
    stdin.on('data', onData)
  })
}

/** A yes/no question on a terminal. */
export function confirm(
  question: string,
  stdin: NodeJS.ReadStream = process.stdin,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<boolean> {
  return new Promise((resolve) => {
    stderr.write(question)
    stdin.resume()
    stdin.setEncoding('utf8')
    stdin.once('data', (answer: string) => {
      stdin.pause()
      resolve(/^\s*(y|yes|是)\s*$/i.test(answer))
    })
  })
}
