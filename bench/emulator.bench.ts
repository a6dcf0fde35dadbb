import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import CoreClient, { $OpenApiUtil } from '@alicloud/openapi-core'
import * as $dara from '@darabonba/typescript'
import type { Bench, BenchFigure } from './types'

/**
 * How many signed requests a second the emulator serves. The emulator runs in its own process (one
 * Node thread = one core); the real @alicloud/openapi-core client drives it from this process with a
 * fixed concurrency. Two figures: the throughput observed end to end (bounded by the client too, on a
 * shared 2-core machine), and the emulator's own CPU time per request, which gives its capacity on one core.
 */
const root = path.resolve(__dirname, '..')
const KEY = { accessKeyId: 'bench-key', accessKeySecret: 'bench-secret' }
const TOKEN = 'bench-control-token-0123456789'
const CONCURRENCY = 32
const REQUESTS = 8000

async function startChild(): Promise<{ port: number; stop(): void }> {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/tsx/dist/cli.mjs'),
      '--tsconfig',
      'tsconfig.node.json',
      'tools/emulator/main.ts',
      '--port',
      '0',
      '--access-key-id',
      KEY.accessKeyId,
      '--access-key-secret',
      KEY.accessKeySecret,
      '--control-token',
      TOKEN,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  )
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)
      if (m) resolve(Number(m[1]))
    })
    child.on('exit', (code) => reject(new Error(`emulator exited ${String(code)}`)))
  })
  return { port, stop: () => child.kill('SIGTERM') }
}

async function control(port: number, method: string, p: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${port}/__emulator/${p}`, {
    method,
    headers: { 'x-emulator-token': TOKEN, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return (await res.json()) as Record<string, unknown>
}

const bench: Bench = {
  title: 'Emulator',
  async run(): Promise<BenchFigure[]> {
    const emu = await startChild()
    try {
      const seeded = await control(emu.port, 'POST', 'seed', {
        workspaces: Array.from({ length: 20 }, (_, i) => ({ WorkspaceName: `bench_${i}` })),
      })
      const ids = (seeded.workspaces as Array<{ WorkspaceId: string }>).map((w) => w.WorkspaceId)
      const client = new CoreClient(
        new $OpenApiUtil.Config({
          ...KEY,
          endpoint: `127.0.0.1:${emu.port}`,
          protocol: 'http',
          regionId: 'cn-hangzhou',
        }),
      )
      let n = 0
      const one = async (): Promise<void> => {
        const i = n++
        const get = i % 2 === 0
        const id = ids[i % ids.length]!
        await client.callApi(
          new $OpenApiUtil.Params({
            action: get ? 'GetWorkspace' : 'ListWorkspaces',
            version: '2021-02-04',
            protocol: 'HTTP',
            pathname: get ? `/api/v1/workspaces/${id}` : '/api/v1/workspaces',
            method: 'GET',
            authType: 'AK',
            style: 'ROA',
            reqBodyType: 'json',
            bodyType: 'json',
          }),
          new $OpenApiUtil.OpenApiRequest({ query: get ? {} : { PageSize: '10' } }),
          new $dara.RuntimeOptions({}),
        )
      }
      const drive = async (count: number): Promise<void> => {
        let left = count
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (left-- > 0) await one()
          }),
        )
      }
      await drive(1000)
      const s0 = await control(emu.port, 'GET', 'stats')
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      await drive(REQUESTS)
      const secs = (performance.now() - t0) / 1000
      const clientCpu = process.cpuUsage(c0)
      const s1 = await control(emu.port, 'GET', 'stats')
      const served = Number(s1.served) - Number(s0.served)
      const cpuMicros =
        Number(s1.cpuUserMicros) + Number(s1.cpuSystemMicros) - Number(s0.cpuUserMicros) - Number(s0.cpuSystemMicros)
      const rate = served / secs
      const perReq = cpuMicros / served
      const capacity = 1e6 / perReq
      const clientPerReq = (clientCpu.user + clientCpu.system) / REQUESTS
      return [
        {
          name: `signed requests served end to end (openapi-core, concurrency ${CONCURRENCY})`,
          value: rate,
          unit: 'req/s',
          target: '>= 2,000',
          ok: rate >= 2000,
          note: `${served} requests in ${secs.toFixed(2)} s on ${os.cpus().length} cores shared with the client (load average ${os.loadavg()[0]!.toFixed(1)})`,
        },
        { name: 'emulator CPU time per signed request', value: perReq, unit: 'µs' },
        {
          name: 'emulator capacity on one core (1 s / CPU per request)',
          value: capacity,
          unit: 'req/s',
          target: '>= 2,000',
          ok: capacity >= 2000,
        },
        {
          name: 'client (openapi-core) CPU time per request, for comparison',
          value: clientPerReq,
          unit: 'µs',
          note: 'the end-to-end figure is bounded by the client when it is the larger',
        },
      ]
    } finally {
      emu.stop()
    }
  },
}
export default bench
