import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../../..')

function files(dir: string, exts = ['.ts', '.vue']): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (exts.some((x) => e.name.endsWith(x))) out.push(p)
    }
  }
  walk(path.join(root, dir))
  return out
}

function importsOf(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8')
  return [
    ...src.matchAll(
      /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? '')
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|crypto$|http$|https$|child_process$|net$|url$|util$|stream$|events$)/

describe('architecture boundaries', () => {
  it('the core, CLI and harness never import electron, nor the Electron shell', () => {
    const offenders = ['core', 'cli', 'web']
      .flatMap((d) => files(d))
      .filter((f) =>
        importsOf(f).some((i) => i === 'electron' || i.startsWith('electron/') || /(^|\/)electron\//.test(i)),
      )
    expect(offenders).toEqual([])
  })
  it('electron/ holds only the Electron shell: main and preload', () => {
    expect(fs.readdirSync(path.join(root, 'electron')).sort()).toEqual(['main', 'preload'])
  })
  it('shared/ is pure: no Node, Electron or DOM-only imports', () => {
    const offenders = files('shared').filter((f) => importsOf(f).some((i) => NODE_BUILTINS.test(i) || i === 'electron'))
    expect(offenders).toEqual([])
  })
  it('D3: only the core calls the cloud: outside its bridge the renderer makes no network call and imports no cloud client', () => {
    const offenders = files('renderer/src')
      .filter((f) => !f.includes(`${path.sep}bridge${path.sep}`))
      .filter((f) => {
        const src = fs.readFileSync(f, 'utf8')
        return (
          /\bfetch\(|XMLHttpRequest|new EventSource|new WebSocket|navigator\.sendBeacon/.test(src) ||
          importsOf(f).some((i) => i.startsWith('@alicloud/'))
        )
      })
    expect(offenders).toEqual([])
    // ...and the bridge talks only to the contract's transports (the preload API or the harness's /api/).
    const bridge = files('renderer/src/bridge')
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n')
    for (const url of bridge.match(/fetch\(`([^`]*)`/g) ?? []) expect(url).toContain('/api/')
  })
  it('the renderer reaches the core only through shared/ and its bridge', () => {
    const offenders = files('renderer').filter((f) =>
      importsOf(f).some((i) => i.includes('electron/') || i === 'electron' || NODE_BUILTINS.test(i)),
    )
    expect(offenders).toEqual([])
  })
})
