import path from 'node:path'
import { app, BrowserWindow, dialog, nativeTheme, session, shell } from 'electron'
import { toErrorPayload } from '@shared/ipc/errors'
import { pickLocale } from '@shared/locale'
import { createCore, type Core } from '../../core/core'
import { resolveDataDir } from '../../core/paths'
import { fileDialogs } from './file-dialogs'
import { forwardEvents, registerIpc } from './ipc'
import { registerAppScheme, serveRenderer } from './protocol'
import { isAllowedExternalUrl } from '@shared/web-security'
import { APP_ORIGIN, appOrigins, isAllowedNavigation, permissionDecision } from './security'
import { mainWindowOptions } from './window-options'

// The Electron shell only: windows, lifecycle, hardening, and wiring the IPC contract to the core.
app.enableSandbox()
registerAppScheme()

function dataDirFromArgs(): string | undefined {
  const i = process.argv.indexOf('--data-dir')
  return i > 0 ? process.argv[i + 1] : undefined
}

// One data folder for the app and the CLI (core/paths.ts): Electron's own `userData` (its single-instance lock,
// Chromium's storage) is set to it before anything opens, so the app never reads or writes another folder.
const dataDir = resolveDataDir(dataDirFromArgs())
app.setPath('userData', dataDir)

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const origins = appOrigins(devServerUrl)
let core: Core | undefined
let mainWindow: BrowserWindow | undefined

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error(err)
      app.quit()
    })
}

async function start(): Promise<void> {
  try {
    core = createCore({ dataDir, runtime: 'electron', fileDialogs })
  } catch (err) {
    // A database written by a newer version, an unreadable data folder...: tell the user, change nothing.
    const e = toErrorPayload(err, pickLocale(app.getLocale()))
    dialog.showErrorBox('PAI Workspace Admin', `${e.message}\n\n(${e.code}) ${dataDir}`)
    app.quit()
    return
  }

  // Deny every permission request, in every session.
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permissionDecision(permission)),
  )
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission))

  serveRenderer(path.join(__dirname, '../renderer'))
  registerIpc(core, origins)
  createWindow()
}

function createWindow(): void {
  // The hardened options (contextIsolation, sandbox, no nodeIntegration, Auxclick off) come from
  // mainWindowOptions(), which the unit tests pin flag by flag; the scanner cannot see through the call.
  const options = mainWindowOptions(path.join(__dirname, '../preload/index.js'), {
    dark: nativeTheme.shouldUseDarkColors,
  })
  const win = new BrowserWindow(options) // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  mainWindow = win
  const stopForwarding = core ? forwardEvents(core, win) : () => undefined
  win.on('closed', () => {
    stopForwarding()
    mainWindow = undefined
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`)
}

// Navigation and new windows: deny everything; allow-listed https console/help links open in the browser.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, origins)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Only https Alibaba Cloud console/help links pass isAllowedExternalUrl (unit-tested allow-list).
    if (isAllowedExternalUrl(url)) void shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' }
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0 && core) createWindow()
})

app.on('will-quit', (event) => {
  if (!core) return
  const closing = core
  core = undefined
  event.preventDefault()
  void closing.close().finally(() => app.quit())
})
