import { createApp } from 'vue'
import { createPinia } from 'pinia'
// Element Plus's variables and the tag look the first rows use; its components come with the deferred shell.
import 'element-plus/theme-chalk/base.css'
import 'element-plus/theme-chalk/el-tag.css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import './styles/base.css'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { useAppStore } from './stores/app'
import { useProfilesStore } from './stores/profiles'
import { useWorkspacesStore } from './stores/workspaces'
import { armFirstScreenFallback, firstScreenPainted } from './shell/first-screen'
import { loadShell, setShellApp } from './shell/deferred'

/** How long the first mount waits for the first page of the list once the settings are in. */
const FIRST_PAGE_WAIT_MS = 300

async function boot(): Promise<void> {
  // Every module is evaluated by now: the renderer bench reads this mark (bench/renderer.bench.ts).
  performance.mark('app:boot')
  armFirstScreenFallback()
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia).use(i18n)
  setShellApp(app)
  const appStore = useAppStore(pinia)
  const settings = appStore.load().catch((err: unknown) => console.error('settings could not be loaded', err))
  // The landing list's first page is asked for beside the settings, not once the screen is mounted.
  const firstPage = useWorkspacesStore(pinia).prefetch()
  app.use(router)
  // One render with the rows in it: the page usually answers beside the settings; a slow one is not waited for
  // long (the list then renders its rows when the page comes).
  await Promise.all([settings, Promise.race([firstPage, new Promise((r) => setTimeout(r, FIRST_PAGE_WAIT_MS))])])
  app.mount('#app')
  // Profile names and regions for the rows, and the status bar: after the first page, which comes first.
  void firstPage.finally(() => {
    const profiles = useProfilesStore(pinia)
    if (!profiles.loaded) profiles.load().catch((err: unknown) => console.error('profiles could not be loaded', err))
  })
  // Element Plus and the rest of the shell, the core's info and the event stream: once the first rows are painted.
  void firstScreenPainted.then(() => {
    appStore.follow()
    return loadShell()
  })
}

void boot()
