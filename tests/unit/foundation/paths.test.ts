import { describe, expect, it } from 'vitest'
import { dataDirFor } from '../../../core/paths'

/** Issue 11 item 8: one data folder for the app and the CLI, whatever the OS (a pure function). */

const base = { env: {}, cwd: '/work' }

describe('the data folder', () => {
  it('Linux: $XDG_CONFIG_HOME/pai-workspace-admin, else ~/.config/pai-workspace-admin', () => {
    expect(dataDirFor({ ...base, platform: 'linux', home: '/home/ada' })).toBe('/home/ada/.config/pai-workspace-admin')
    expect(dataDirFor({ ...base, platform: 'linux', home: '/home/ada', env: { XDG_CONFIG_HOME: '/xdg' } })).toBe(
      '/xdg/pai-workspace-admin',
    )
    // the XDG spec: a relative value is invalid and ignored
    expect(dataDirFor({ ...base, platform: 'linux', home: '/home/ada', env: { XDG_CONFIG_HOME: 'rel' } })).toBe(
      '/home/ada/.config/pai-workspace-admin',
    )
  })

  it('macOS: ~/Library/Application Support/pai-workspace-admin', () => {
    expect(dataDirFor({ ...base, platform: 'darwin', home: '/Users/ada' })).toBe(
      '/Users/ada/Library/Application Support/pai-workspace-admin',
    )
  })

  it("Windows: %APPDATA%\\pai-workspace-admin, else the profile's AppData\\Roaming", () => {
    const home = 'C:\\Users\\ada'
    expect(dataDirFor({ platform: 'win32', home, cwd: 'C:\\', env: { APPDATA: 'D:\\Roaming' } })).toBe(
      'D:\\Roaming\\pai-workspace-admin',
    )
    expect(dataDirFor({ platform: 'win32', home, cwd: 'C:\\', env: {} })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\pai-workspace-admin',
    )
  })

  it('PAI_ADMIN_DATA_DIR wins over the OS folder, and --data-dir over both; relative ones from the working folder', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const env = { PAI_ADMIN_DATA_DIR: '/srv/pai', XDG_CONFIG_HOME: '/xdg' }
      expect(dataDirFor({ ...base, platform, home: '/h', env })).toBe('/srv/pai')
      expect(dataDirFor({ ...base, platform, home: '/h', env, explicit: '/tmp/d' })).toBe('/tmp/d')
      expect(dataDirFor({ ...base, platform, home: '/h', env: { PAI_ADMIN_DATA_DIR: 'rel' } })).toBe('/work/rel')
    }
    expect(
      dataDirFor({ platform: 'win32', home: 'C:\\Users\\ada', cwd: 'C:\\w', env: { PAI_ADMIN_DATA_DIR: 'data' } }),
    ).toBe('C:\\w\\data')
    // an empty value is no value
    expect(dataDirFor({ ...base, platform: 'linux', home: '/h', env: { PAI_ADMIN_DATA_DIR: '' } })).toBe(
      '/h/.config/pai-workspace-admin',
    )
  })
})
