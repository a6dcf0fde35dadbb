import { spawn, type ChildProcess } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { MAIN } from '../tests/integration/sync/harness'

const TOKEN = 'bench-control-token-0123456789abcdef'

export interface EmulatorProcess {
  url: string
  endpoint: string
  child: ChildProcess
  control(method: string, p: string, body?: unknown): Promise<unknown>
  /** The emulator's request log since the last clear (who was throttled, when). */
  requests(): Promise<Array<{ at: number; action: string; fault?: string }>>
  stop(): void
}

/**
 * The emulator in its own process (`npm run emulator`), as the cloud would be: the engine's SQLite commits must not
 * stall the server it measures against.
 */
export async function emulatorProcess(args: { latencyMs: number; throttleQps: number }): Promise<EmulatorProcess> {
  const root = path.resolve(__dirname, '..')
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'tools/emulator/main.ts',
      '--port',
      '0',
      '--access-key-id',
      MAIN.accessKeyId,
      '--access-key-secret',
      MAIN.accessKeySecret,
      '--latency-ms',
      String(args.latencyMs),
      '--throttle-qps',
      String(args.throttleQps),
      '--control-token',
      TOKEN,
    ],
    {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening on (http:\/\/[^\s]+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)))
  })
  const control = async (method: string, p: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}${p}`, {
      method,
      headers: { 'x-emulator-token': TOKEN, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return res.json()
  }
  return {
    url,
    endpoint: url.replace('http://', ''),
    child,
    control,
    async requests() {
      return ((await control('GET', '/__emulator/requests')) as { requests: [] }).requests
    },
    stop: () => void child.kill('SIGTERM'),
  }
}

/** The load average over 1, 5 and 15 minutes and the cores: printed beside every timed figure. */
export function loadNote(): string {
  const [a, b, c] = os.loadavg()
  return `load ${a!.toFixed(2)}/${b!.toFixed(2)}/${c!.toFixed(2)} on ${os.cpus().length} cores`
}
