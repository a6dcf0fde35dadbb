import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../../..')
export const CLI = path.join(ROOT, 'out', 'main', 'cli.js')

/** Builds out/main/cli.js when it is missing or older than any source it is built from. */
export function ensureBuilt(): void {
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name)
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs)
    }, 0)
  const built = fs.existsSync(CLI) ? fs.statSync(CLI).mtimeMs : 0
  const sources = Math.max(...['cli', 'core', 'shared'].map((d) => newest(path.join(ROOT, d))))
  if (built < sources) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore', timeout: 120_000 })
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node out/main/cli.js ARGS` (asynchronously: the emulator runs in this process), stdin piped. */
export function runCli(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, PAI_ADMIN_LANG: 'en', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(opts.input ?? '')
  })
}
