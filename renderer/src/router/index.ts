import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import AppLayout from '../layouts/AppLayout.vue'
// The landing screen is part of the first bundle: a lazy chunk would add a round trip before the first rows.
import WorkspaceListView from '../views/WorkspaceListView.vue'
import { loadShell } from '../shell/deferred'

/** Screens other than the landing list are loaded lazily so the first paint carries only the shell and the list. */
const routes: RouteRecordRaw[] = [
  {
    path: '/',
    component: AppLayout,
    children: [
      { path: '', redirect: '/workspaces' },
      {
        path: 'workspaces',
        name: 'workspaces',
        component: WorkspaceListView,
        meta: { title: 'nav.workspaces' },
      },
      {
        path: 'workspaces/new',
        name: 'create',
        component: () => import('../views/CreateWorkspaceView.vue'),
        meta: { title: 'nav.create' },
      },
      {
        path: 'workspaces/:key',
        name: 'workspace',
        component: () => import('../views/workspace-config/WorkspaceConfigView.vue'),
        meta: { title: 'nav.workspaceConfig' },
      },
      {
        path: 'pending',
        name: 'pending',
        component: () => import('../views/PendingView.vue'),
        meta: { title: 'nav.pending' },
      },
      {
        path: 'access',
        name: 'access',
        component: () => import('../views/AccessView.vue'),
        meta: { title: 'nav.access' },
      },
      {
        path: 'activity',
        name: 'activity',
        component: () => import('../views/ActivityView.vue'),
        meta: { title: 'nav.activity' },
      },
      {
        path: 'profiles',
        name: 'profiles',
        component: () => import('../views/ProfilesView.vue'),
        meta: { title: 'nav.profiles' },
      },
      {
        path: 'import-export',
        name: 'importExport',
        component: () => import('../views/ImportExportView.vue'),
        meta: { title: 'nav.importExport' },
      },
      {
        path: 'diagnostics',
        name: 'diagnostics',
        component: () => import('../views/DiagnosticsView.vue'),
        meta: { title: 'nav.diagnostics' },
      },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/workspaces' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

// Every screen but the landing list uses Element Plus: it is set up only once Element Plus's configuration (and
// the rest of the shell) is there. The list loads them itself, after its first rows are painted.
router.beforeEach((to) => (to.name === 'workspaces' ? true : loadShell().then(() => true)))
