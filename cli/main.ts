// pai-admin: the command-line interface over the same core as the desktop app (see docs/cli.md).
import { CommanderError } from 'commander'
import { EXIT, type ExitCode } from './exit-codes'
import { buildProgram, commanderExit, globalOptions } from './program'
import { report } from './report'
import { printable } from '@shared/printable'

// A reader that stops early (\`| head\`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(EXIT.ok)
  throw err
})

async function main(argv: string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok
  const program = buildProgram(async (action, cmd) => {
    const { Session } = await import('./session')
    const session = new Session(globalOptions(cmd))
    try {
      await action(session)
    } catch (err) {
      code = await report(err, session)
    } finally {
      await session.close().catch(() => undefined)
    }
  })
  try {
    await program.parseAsync(argv)
  } catch (err) {
    if (err instanceof CommanderError) return commanderExit(err)
    return report(err, undefined)
  }
  return code
}

main(process.argv).then(
  (code) => {
    // Let stdout drain before leaving (pipes are asynchronous).
    process.stdout.write('', () => process.exit(code))
  },
  (err: unknown) => {
    process.stderr.write(`pai-admin: ${printable(err instanceof Error ? err.message : String(err))}\n`)
    process.exit(EXIT.invalid)
  },
)
