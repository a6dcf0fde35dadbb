import { spawn } from 'node:child_process'
import net from 'node:net'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../tools/emulator'
import { MAIN, control, coreCaller, failure, startTestEmulator } from './support'

const root = path.resolve(__dirname, '../../..')

describe('the test-only control path', () => {
  let emu: RunningEmulator
  beforeAll(async () => {
    emu = await startTestEmulator()
  })
  afterAll(() => emu.close())

  it('is guarded by its own token: none or a wrong one gets 401, and cloud credentials do not open it', async () => {
    expect((await control(emu, 'GET', 'state', undefined, '')).status).toBe(401)
    expect((await control(emu, 'GET', 'state', undefined, 'x'.repeat(emu.controlToken.length))).status).toBe(401)
    expect((await control(emu, 'POST', 'reset', undefined, MAIN.accessKeySecret)).status).toBe(401)
    expect((await control(emu, 'GET', 'state')).status).toBe(200)
  })

  it('seeds workspaces, members, users and DataWorks names, and shows the full state with create calls per natural key', async () => {
    await control(emu, 'POST', 'reset')
    const seeded = await control(emu, 'POST', 'seed', {
      users: [{ UserId: '2900000000000001', UserName: 'eve' }],
      dataworksNames: ['dw_one'],
      workspaces: [
        {
          WorkspaceName: 'seeded_ws',
          members: [{ UserId: '2900000000000001', Roles: ['PAI.WorkspaceAdmin'] }],
          configs: [{ ConfigKey: 'tempStoragePath', ConfigValue: 'oss://bkt/x/' }],
        },
      ],
    })
    expect(seeded.status).toBe(200)
    const wsId = (seeded.body.workspaces as Array<{ WorkspaceId: string }>)[0]!.WorkspaceId
    const c = coreCaller(emu, { accessKeyId: MAIN.accessKeyId, accessKeySecret: MAIN.accessKeySecret })
    await c.roa('CreateWorkspace', 'POST', '/api/v1/workspaces', undefined, {
      WorkspaceName: 'made_here',
      Description: 'd',
      EnvTypes: ['prod'],
    })
    await failure(
      c.roa('CreateWorkspace', 'POST', '/api/v1/workspaces', undefined, {
        WorkspaceName: 'dw_one',
        Description: 'd',
        EnvTypes: ['prod'],
      }),
    )
    const { body } = await control(emu, 'GET', 'state')
    const state = body.state as {
      tenants: Record<
        string,
        {
          workspaces: Record<string, { WorkspaceName: string; members: Record<string, { Roles: string[] }> }>
          dataworksNames: string[]
        }
      >
      createCalls: Record<string, number>
    }
    const t = state.tenants[MAIN.uid!]!
    expect(
      Object.values(t.workspaces)
        .map((w) => w.WorkspaceName)
        .sort(),
    ).toEqual(['made_here', 'seeded_ws'])
    expect(t.workspaces[wsId]!.members[`${wsId}-2900000000000001`]!.Roles).toEqual(['PAI.WorkspaceAdmin'])
    expect(t.dataworksNames).toEqual(['dw_one'])
    expect(state.createCalls).toEqual({
      [`CreateWorkspace:${MAIN.uid}/made_here`]: 1,
      [`CreateWorkspace:${MAIN.uid}/dw_one`]: 1,
    })
  })

  it('injects faults at run time (throttling, 500, dropped connections) and lists the requests served', async () => {
    await control(emu, 'POST', 'reset')
    const c = coreCaller(emu, { accessKeyId: MAIN.accessKeyId, accessKeySecret: MAIN.accessKeySecret })
    const set = await control(emu, 'POST', 'faults', {
      inject: [
        { kind: 'throttle', action: 'ListWorkspaces', retryAfterMs: 250 },
        { kind: 'drop-before', action: 'ListWorkspaces' },
      ],
    })
    expect(set.body.pending).toHaveLength(2)
    expect(await failure(c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces'))).toMatchObject({
      status: 429,
      code: 'Throttling.User',
    })
    await expect(c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces')).rejects.toThrow(/socket hang up|ECONNRESET/)
    expect((await c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces')).statusCode).toBe(200)
    await control(emu, 'POST', 'faults', { throttleQps: 2 })
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map(() => c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces')),
    )
    expect(results.filter((r) => r.status === 'rejected').length).toBeGreaterThanOrEqual(3)
    await control(emu, 'DELETE', 'faults')
    const { body } = await control(emu, 'GET', 'requests')
    const reqs = body.requests as Array<{ action: string; status: number; fault?: string }>
    expect(reqs.slice(0, 3).map((r) => [r.status, r.fault])).toEqual([
      [429, 'throttle'],
      [0, 'drop-before'],
      [200, undefined],
    ])
  })

  it('--fault-rate with a seed gives the same fault sequence each run', async () => {
    const run = async (): Promise<Array<number>> => {
      const e = await startEmulator({ accessKeyId: 'k', accessKeySecret: 's', faultRate: 0.5, seed: 42 })
      const c = coreCaller(e, { accessKeyId: 'k', accessKeySecret: 's' })
      for (let i = 0; i < 12; i++) await c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces').catch(() => undefined)
      const statuses = e.requests().map((r) => r.status)
      await e.close()
      return statuses
    }
    const a = await run()
    expect(a.filter((s) => s !== 200).length).toBeGreaterThan(0)
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(0)
    expect(await run()).toEqual(a)
  })
})

describe('state persistence (--state FILE)', () => {
  it('keeps workspaces across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pai-emu-state-'))
    const file = path.join(dir, 'state.json')
    try {
      const a = await startEmulator({ accessKeyId: 'k', accessKeySecret: 's', stateFile: file })
      await coreCaller(a, { accessKeyId: 'k', accessKeySecret: 's' }).roa(
        'CreateWorkspace',
        'POST',
        '/api/v1/workspaces',
        undefined,
        { WorkspaceName: 'kept_ws', Description: 'd', EnvTypes: ['prod'] },
      )
      await a.close()
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toHaveProperty('tenants')
      const b = await startEmulator({ accessKeyId: 'k', accessKeySecret: 's', stateFile: file })
      const list = await coreCaller(b, { accessKeyId: 'k', accessKeySecret: 's' }).roa(
        'ListWorkspaces',
        'GET',
        '/api/v1/workspaces',
      )
      expect((list.body.Workspaces as Array<{ WorkspaceName: string }>).map((w) => w.WorkspaceName)).toEqual([
        'kept_ws',
      ])
      await b.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the CLI (npm run emulator)', () => {
  it('prints exactly "PAI emulator listening on http://127.0.0.1:N", listens on 127.0.0.1 only, and answers signed calls', async () => {
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
        'cli-key',
        '--access-key-secret',
        'cli-secret',
        '--dataworks-names',
        'dw_a,dw_b',
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString()
          if (out.includes('\n')) resolve(out.split('\n')[0]!)
        })
        child.on('exit', (code) => reject(new Error(`exited ${String(code)}`)))
        setTimeout(() => reject(new Error('no output in 20 s')), 20_000)
      })
      expect(line).toMatch(/^PAI emulator listening on http:\/\/127\.0\.0\.1:\d+$/)
      const port = Number(/:(\d+)$/.exec(line)![1])
      const emu = { endpoint: `127.0.0.1:${port}` } as RunningEmulator
      const c = coreCaller(emu, { accessKeyId: 'cli-key', accessKeySecret: 'cli-secret' })
      expect(
        await failure(
          c.roa('CreateWorkspace', 'POST', '/api/v1/workspaces', undefined, {
            WorkspaceName: 'dw_b',
            Description: 'd',
            EnvTypes: ['prod'],
          }),
        ),
      ).toMatchObject({ code: 'WorkspaceNameAlreadyExists' })
      expect((await c.roa('ListWorkspaces', 'GET', '/api/v1/workspaces')).statusCode).toBe(200)
      // Not reachable on any other address of this machine.
      const other = Object.values(os.networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal)
      if (other) {
        const reached = await new Promise<boolean>((resolve) => {
          const s = net.connect({ host: other.address, port }, () => {
            s.destroy()
            resolve(true)
          })
          s.on('error', () => resolve(false))
        })
        expect(reached).toBe(false)
      }
    } finally {
      child.kill('SIGTERM')
    }
  })
})
