import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/theme-chalk/dark/css-vars.css'
import './styles/base.css'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { useAppStore } from './stores/app'
import { formatDateTime } from './components/format'

async function boot(): Promise<void> {
  // Every module is evaluated by now: the renderer bench reads this mark (bench/renderer.bench.ts).
  performance.mark('app:boot')
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia).use(i18n).use(router)
  const settings = useAppStore(pinia)
    .load()
    .catch((err: unknown) => console.error('settings could not be loaded', err))
  // While settings.get is on its way: the first date formatter costs tens of ms (the ICU data is set up once),
  // and the first rows format dates; paid here, the main thread would otherwise wait idle.
  formatDateTime(new Date().toISOString(), 'zh-CN')
  await settings
  app.mount('#app')
}

void boot()
