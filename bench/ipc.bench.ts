import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import { createCore } from '../core/core'
import { startHarness } from '../web/server'
import { median, percentile, type Bench } from './types'

/** The IPC boundary: validated in-process dispatch, and a round trip over the harness's HTTP bridge. */
const bench: Bench = {
  title: 'IPC boundary',
  async run() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bench-ipc-'))
    const core = createCore({ dataDir, runtime: 'test', keychainService: 'pai-workspace-admin-bench' })
    const n = 20_000
    const t0 = performance.now()
    for (let i = 0; i < n; i++) await core.call('app.ping', { text: 'x' })
    const dispatchRate = n / ((performance.now() - t0) / 1000)

    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bench-r-'))
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>')
    const h = await startHarness({ core, rendererDir, port: 0 })
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const lat: number[] = []
    for (let i = 0; i < 500; i++) {
      const s = performance.now()
      await new Promise<void>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: h.port,
            method: 'POST',
            path: '/api/invoke/app.ping',
            agent,
            headers: { Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' },
          },
          (res) => {
            res.resume()
            res.on('end', () => resolve())
          },
        )
        req.on('error', reject)
        req.end('{"text":"x"}')
      })
      lat.push(performance.now() - s)
    }
    agent.destroy()
    await h.close()
    await core.close()
    return [
      { name: 'validated dispatch', value: dispatchRate, unit: 'calls/s' },
      { name: 'harness round trip median', value: median(lat), unit: 'ms' },
      { name: 'harness round trip p99', value: percentile(lat, 99), unit: 'ms' },
    ]
  },
}
export default bench
