import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { formatMessage } from '@shared/messages'
import { readSigningSecret } from '../../../cli/commands/secret'
import { CliError } from '../../../cli/exit-codes'
import { readSecret, secretPrompt } from '../../../cli/secret-input'

/**
 * D2, issue 11 item 5: the hidden prompt of the CLI's secret reading (`secret set`, `profile add`, passphrases) on a
 * terminal: raw mode while typing, backspace works, Enter ends, nothing typed is echoed, and Ctrl-C gives up with a
 * message about the secret (it used to say "Cancelled; nothing was sent", the words of a declined apply). The
 * terminal is a stream that says it is a TTY; the product code reads it as it reads process.stdin.
 */

interface FakeTty {
  stdin: NodeJS.ReadStream
  stderr: NodeJS.WriteStream
  input: PassThrough
  written: () => string
  rawModes: boolean[]
}

function fakeTty(): FakeTty {
  const input = new PassThrough()
  const rawModes: boolean[] = []
  Object.assign(input, {
    isTTY: true,
    setRawMode(on: boolean) {
      rawModes.push(on)
      return input
    },
  })
  const output = new PassThrough()
  let written = ''
  output.on('data', (d: Buffer) => (written += d.toString('utf8')))
  return {
    stdin: input as unknown as NodeJS.ReadStream,
    stderr: output as unknown as NodeJS.WriteStream,
    input,
    written: () => written,
    rawModes,
  }
}

async function typeInto(t: FakeTty, keys: string[]): Promise<void> {
  for (const k of keys) {
    t.input.write(k)
    await new Promise((r) => setImmediate(r))
  }
}

/** The error a read ends with (handled from the start: it may come while keys are still being typed). */
const failure = (p: Promise<string>): Promise<unknown> =>
  p.then(
    (v) => new Error(`resolved with ${v.length} characters`),
    (e: unknown) => e,
  )

describe('CLI: the hidden prompt for secrets', () => {
  it('D2: on a terminal, the secret is typed in raw mode, backspace erases, Enter ends; nothing typed is echoed', async () => {
    const t = fakeTty()
    const read = readSecret(secretPrompt('en', 'dingtalk'), t.stdin, t.stderr)
    // typed one key at a time, and as a pasted chunk
    await typeInto(t, ['S', 'E', 'C', 'a', 'b', '\u007f', 'c', 'x', '\b', 'd3f', '\r'])
    await expect(read).resolves.toBe('SECacd3f')
    expect(t.rawModes).toEqual([true, false])
    expect(t.written()).toBe('Signing secret (SEC…): \n')
    expect(t.input.isPaused()).toBe(true)
    expect(t.input.listenerCount('data')).toBe(0)
  })

  it('D2: what is typed after Enter is not read into the secret; Ctrl-D ends as Enter does', async () => {
    const t = fakeTty()
    const read = readSecret(secretPrompt('en', 'passphrase'), t.stdin, t.stderr)
    await typeInto(t, ['pass phrase\u0004after'])
    await expect(read).resolves.toBe('pass phrase')
    expect(t.written()).not.toContain('pass')
  })

  it('D2: Enter with nothing typed is no secret (CLI_SECRET_REQUIRED), as empty stdin is', async () => {
    const t = fakeTty()
    const read = failure(readSecret(secretPrompt('en', 'passphrase'), t.stdin, t.stderr))
    await typeInto(t, ['ab\u007f\u007f\r'])
    expect(await read).toMatchObject({ code: 'CLI_SECRET_REQUIRED' })
  })

  it('D2: Ctrl-C in the prompt of `secret set` gives up with a message about the secret, not a declined apply', async () => {
    const t = fakeTty()
    const read = failure(readSigningSecret('en', 'ops-robot', t.stdin, t.stderr))
    await typeInto(t, ['SECpart', '\u0003', 'rest\r'])
    const err = await read
    expect(err).toBeInstanceOf(CliError)
    const e = err as CliError
    expect(e.code).toBe('CLI_SECRET_ABORTED')
    expect(e.exitCode).toBe(1)
    expect(formatMessage('en', e.code, e.params)).toBe(
      'Cancelled: no DingTalk signing secret was entered; nothing was changed',
    )
    expect(formatMessage('zh-CN', e.code, e.params)).toContain('已取消')
    expect(formatMessage('en', e.code, e.params)).not.toBe(formatMessage('en', 'CLI_APPLY_DECLINED'))
    // the prompt names the ref; the part typed before Ctrl-C is never echoed, and raw mode is left
    expect(t.written()).toBe('Signing secret for ops-robot (SEC…): \n')
    expect(t.rawModes).toEqual([true, false])
  })

  it('D2: piped stdin (not a terminal) is read whole, one trailing newline dropped, no prompt', async () => {
    const input = new PassThrough()
    const t = fakeTty()
    const read = readSecret(secretPrompt('en', 'passphrase'), input as unknown as NodeJS.ReadStream, t.stderr)
    input.end('piped secret\n')
    await expect(read).resolves.toBe('piped secret')
    expect(t.written()).toBe('')
  })

  it('D2, issue 11: the prompt and its errors in zh-CN: `secret set` asks in Chinese, Ctrl-C answers in Chinese', async () => {
    const t = fakeTty()
    const read = failure(readSigningSecret('zh-CN', 'ops-robot', t.stdin, t.stderr))
    await typeInto(t, ['SECpart', '\u0003'])
    const e = (await read) as CliError
    expect(t.written()).toBe('「ops-robot」的加签密钥(SEC…): \n')
    expect(e.code).toBe('CLI_SECRET_ABORTED')
    expect(formatMessage('zh-CN', e.code, e.params)).toBe('已取消:未输入钉钉加签密钥,未做任何更改')

    const empty = fakeTty()
    const none = failure(readSecret(secretPrompt('zh-CN', 'passphrase'), empty.stdin, empty.stderr))
    await typeInto(empty, ['\r'])
    const n = (await none) as CliError
    expect(empty.written()).toBe('口令: \n')
    expect(formatMessage('zh-CN', n.code, n.params)).toContain('请通过标准输入提供口令')
  })

  it('issue 11: every secret the CLI asks for has its own name and prompt in both languages, no English in zh-CN', () => {
    const asked = ['passphrase', 'exportPassphrase', 'dingtalk', 'dingtalkRef', 'securityToken'] as const
    for (const a of asked) {
      const zh = secretPrompt('zh-CN', a, { ref: 'r1' })
      const en = secretPrompt('en', a, { ref: 'r1' })
      expect(zh.prompt, a).not.toBe(en.prompt)
      expect(zh.what, a).not.toBe(en.what)
      expect(zh.prompt, a).toMatch(/[\u4e00-\u9fff]/)
      expect(`${zh.prompt}${en.prompt}`, a).not.toContain('{')
    }
    // AccessKey Secret is the console's own name for it, the same in both
    expect(secretPrompt('zh-CN', 'accessKeySecret')).toEqual(secretPrompt('en', 'accessKeySecret'))
  })
})
