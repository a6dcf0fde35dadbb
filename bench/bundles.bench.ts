import { execFileSync, spawnSync } from 'node:child_process'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { WorkspaceConfigInput } from '../shared/domain'
import { WorkspaceConfigSchema } from '../shared/domain'
import { buildBundle, serializeBundle } from '../core/bundles/serialize'
import { createCore } from '../core/core'
import { median, type Bench } from './types'

/** 20 workspaces with 5,000 members and 500 notification rules in total. */
function workspaces(): Array<{ name: string; config: ReturnType<typeof WorkspaceConfigSchema.parse> }> {
  const roles = [
    'PAI.AlgoDeveloper',
    'PAI.AlgoOperator',
    'PAI.LabelManager',
    'PAI.WorkspaceGuest',
    'PAI.WorkspaceAdmin',
  ] as const
  return Array.from({ length: 20 }, (_, w) => {
    const name = `bench_ws_${String(w).padStart(2, '0')}`
    const input: WorkspaceConfigInput = {
      basic: { name, description: `Benchmark workspace ${w}`, mode: 'standard' },
      members: Array.from({ length: 250 }, (_, i) => ({
        userId: `27${String(w).padStart(2, '0')}${String(i).padStart(8, '0')}`,
        userName: `user_${w}_${i}`,
        roles: [roles[i % roles.length]!],
      })),
      resources: [{ kind: 'general', envType: 'prod', name: 'general_prod', isDefault: true }],
      notifications: {
        rules: Array.from({ length: 25 }, (_, i) => ({
          name: `rule-${i}`,
          eventTypes:
            i % 2 ? ['dlc.jobProgress' as const, 'dlc.faultTolerance' as const] : ['model.versionApproved' as const],
          targets:
            i % 2
              ? [
                  {
                    type: 'dingtalk' as const,
                    webhook: 'https://oapi.dingtalk.com/robot/send?access_token=benchtoken',
                    secretRef: `robot-${i}`,
                  },
                ]
              : [{ type: 'http' as const, url: `https://hooks.example.com/model/${i}` }],
        })),
      },
      storage: { defaultPath: 'oss://bench-bucket/pai/' },
    }
    return { name, config: WorkspaceConfigSchema.parse(input) }
  })
}

function timeIt(n: number, fn: () => unknown): number[] {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  return times
}

async function timeAsync(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return times
}

const bench: Bench = {
  title: 'Config bundles and CLI',
  async run() {
    const entries = workspaces()
    const yaml = serializeBundle(buildBundle(entries), 'yaml')
    const json = serializeBundle(buildBundle(entries), 'json')
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-bench-bundles-'))
    const core = createCore({ dataDir, runtime: 'test', keychainService: 'pai-workspace-admin-bench' })
    try {
      const imp = (fileName: string, content: string) => async () => {
        const r = await core.invoke('bundles.import', { fileName, content, profileId: null })
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
        return r.value
      }
      const first = await imp('bench.yaml', yaml)()
      const keys = first.drafts.map((d) => d.key)
      await timeAsync(2, imp('bench.yaml', yaml))
      const importYaml = median(await timeAsync(7, imp('bench.yaml', yaml)))
      const importJson = median(await timeAsync(7, imp('bench.json', json)))
      const exp = (format: 'yaml' | 'json') => async () => {
        const r = await core.invoke('bundles.export', { keys, format })
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
        if (format === 'yaml' && r.value.content !== yaml) throw new Error('export differs from the imported bundle')
      }
      await timeAsync(2, exp('yaml'))
      const exportYaml = median(await timeAsync(7, exp('yaml')))
      const exportJson = median(await timeAsync(7, exp('json')))
      const serialize = median(timeIt(7, () => serializeBundle(buildBundle(entries), 'yaml')))

      // Hostile text, read in the worker thread: a 256 KiB line of escaped quotes (quadratic before: ~40 s).
      const quotes = `apiVersion: "${'\\"'.repeat(128 * 1024)}\nkind: WorkspaceBundle\n`
      const previewHostile = async () => {
        const r = await core.invoke('bundles.preview', { fileName: 'quotes.yaml', content: quotes, profileId: null })
        if (!r.ok || r.value.ok) throw new Error('the hostile file was not refused')
      }
      await previewHostile()
      const hostile = median(await timeAsync(5, previewHostile))
      // The core's thread while a large bundle (5 x the bench bundle) is previewed: its longest pause.
      const large = serializeBundle(
        buildBundle(
          [1, 2, 3, 4, 5].flatMap((k) =>
            entries.map((e) => ({
              ...e,
              name: `${e.name}_${k}`,
              config: { ...e.config, basic: { ...e.config.basic, name: `${e.name}_${k}` } },
            })),
          ),
        ),
        'yaml',
      )
      const loop = monitorEventLoopDelay({ resolution: 5 })
      loop.enable()
      const t0 = performance.now()
      const big = await core.invoke('bundles.preview', { fileName: 'large.yaml', content: large, profileId: null })
      const largeMs = performance.now() - t0
      loop.disable()
      if (!big.ok) throw new Error(`${big.error.code}: ${big.error.message}`)
      const stall = loop.max / 1e6

      // pai-admin --help: a cold Node process each time (the built CLI).
      const root = path.resolve(__dirname, '..')
      const cli = path.join(root, 'out', 'main', 'cli.js')
      if (!fs.existsSync(cli)) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' })
      const helpTimes = timeIt(9, () => {
        const r = spawnSync(process.execPath, [cli, '--help'], { stdio: 'ignore' })
        if (r.status !== 0) throw new Error('pai-admin --help failed')
      })
      const nodeTimes = timeIt(9, () => spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }))
      const help = median(helpTimes)
      return [
        {
          name: 'validate + import 20 ws / 5,000 members / 500 rules, YAML (median)',
          value: importYaml,
          unit: 'ms',
          target: '< 300 ms',
          ok: importYaml < 300,
          note: `${Math.round(yaml.length / 1024)} KiB`,
        },
        { name: 'same, JSON (median)', value: importJson, unit: 'ms', target: '< 300 ms', ok: importJson < 300 },
        {
          name: 'export the same, YAML (median)',
          value: exportYaml,
          unit: 'ms',
          target: '< 200 ms',
          ok: exportYaml < 200,
        },
        {
          name: 'export the same, JSON (median)',
          value: exportJson,
          unit: 'ms',
          target: '< 200 ms',
          ok: exportJson < 200,
        },
        { name: 'canonicalize + serialize only, YAML (median)', value: serialize, unit: 'ms' },
        {
          name: 'preview of a 256 KiB line of escaped quotes, in the worker (median)',
          value: hostile,
          unit: 'ms',
          target: '< 500 ms',
          ok: hostile < 500,
          note: 'about 40 s on the thread before',
        },
        {
          name: "longest pause of the core's thread while a large bundle is previewed",
          value: stall,
          unit: 'ms',
          target: '< 100 ms',
          ok: stall < 100,
          note: `${Math.round(large.length / 1024)} KiB, previewed in ${Math.round(largeMs)} ms`,
        },
        {
          name: 'pai-admin --help, cold process (median)',
          value: help,
          unit: 'ms',
          target: '< 300 ms',
          ok: help < 300,
          note: `bare node -e '' takes ${Math.round(median(nodeTimes))} ms here`,
        },
      ]
    } finally {
      await core.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  },
}
export default bench
