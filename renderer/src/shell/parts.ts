import { computed, type App } from 'vue'
import { provideGlobalConfig } from 'element-plus/es/components/config-provider/index.mjs'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import en from 'element-plus/es/locale/lang/en'
import { useAppStore } from '../stores/app'
import SideNav from '../layouts/SideNav.vue'
import HeaderTools from '../layouts/HeaderTools.vue'
import StatusBar from '../components/StatusBar.vue'
import WorkspaceFilters from '../components/workspaces/WorkspaceFilters.vue'
import RefreshSummary from '../components/workspaces/RefreshSummary.vue'

/** Loaded after the first rows (./deferred.ts): everything of the shell that uses Element Plus, or can wait. */
export const parts = { SideNav, HeaderTools, StatusBar, WorkspaceFilters, RefreshSummary }
export type ShellParts = typeof parts

/**
 * Element Plus's configuration (its texts in the UI language) for the whole app, as ElConfigProvider would give
 * it: provided on the app, so every component set up from now on sees it; the screens that use Element Plus are
 * set up only after this (the router waits for it, ../router/index.ts).
 */
export function provideElementPlus(app: App): void {
  const settings = useAppStore()
  provideGlobalConfig(
    computed(() => ({ locale: settings.settings.locale === 'en' ? en : zhCn })),
    app,
  )
}
