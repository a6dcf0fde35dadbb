import type zhCN from '../zh-CN/shell'
import type { Shape } from '../shape'

/** English strings of the app shell. */
const en: Shape<typeof zhCN> = {
  app: {
    title: 'PAI Workspace Admin',
    language: 'Language',
    theme: 'Theme',
    themeSystem: 'Follow system',
    themeLight: 'Light',
    themeDark: 'Dark',
  },
  nav: {
    workspaces: 'Workspaces',
    create: 'Create workspace',
    pending: 'Pending changes',
    access: 'Access overview',
    activity: 'Activity log',
    profiles: 'Profiles',
    importExport: 'Import & export',
    settings: 'Settings',
    diagnostics: 'Diagnostics',
    workspaceConfig: 'Workspace configuration',
    label: 'Main navigation',
    fold: 'Fold the sidebar',
    unfold: 'Unfold the sidebar',
  },
  recovery: {
    title: 'The local database was damaged and has been recovered',
  },
  status: {
    online: 'Online',
    offline: 'Offline',
    unknown: 'Cloud not contacted yet',
    profile: 'Active profile',
    noProfile: 'Offline only',
    job: 'Refreshing: {done}/{total}',
  },
  diagnostics: {
    title: 'Diagnostics',
    ping: 'Test connection',
    pingText: 'Hello, PAI',
    reply: 'Reply',
    version: 'Version',
    runtime: 'Runtime',
    dataDir: 'Data folder',
    logDir: 'Log folder',
  },
}
export default en
