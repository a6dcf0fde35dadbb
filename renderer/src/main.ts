import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/theme-chalk/dark/css-vars.css'
import './styles/base.css'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { useAppStore } from './stores/app'

async function boot(): Promise<void> {
  // Every module is evaluated by now: the renderer bench reads this mark (bench/renderer.bench.ts).
  performance.mark('app:boot')
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia).use(i18n).use(router)
  await useAppStore(pinia)
    .load()
    .catch((err: unknown) => console.error('settings could not be loaded', err))
  app.mount('#app')
}

void boot()
