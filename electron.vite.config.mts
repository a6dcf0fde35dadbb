import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string }
const alias = { '@shared': resolve(import.meta.dirname, 'shared') }
const define = { __APP_VERSION__: JSON.stringify(pkg.version) }

export default defineConfig({
  // Electron main, plus the Node entry points that run the same core: the CLI and the browser harness.
  main: {
    resolve: { alias },
    define,
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          cli: resolve(import.meta.dirname, 'cli/main.ts'),
          harness: resolve(import.meta.dirname, 'web/main.ts'),
          // The worker thread that reads bundle files off the core's thread (core/bundles/worker/checker.ts).
          'bundle-worker': resolve(import.meta.dirname, 'core/bundles/worker/thread.ts'),
        },
      },
    },
  },
  // The sandboxed preload can only require a few modules, so everything (zod, the contract) is bundled in.
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias },
    // vue-i18n's build flags: the Composition API only, no global <i18n-t> components or v-t (the app uses t()).
    define: {
      ...define,
      __VUE_I18N_FULL_INSTALL__: 'false',
      __VUE_I18N_LEGACY_API__: 'false',
      __INTLIFY_PROD_DEVTOOLS__: 'false',
    },
    // Only Element Plus is resolved on demand; the app's own components are always imported explicitly.
    plugins: [vue(), Components({ resolvers: [ElementPlusResolver()], dirs: [], dts: false })],
    build: {
      outDir: 'out/renderer',
      // Minified (electron-vite leaves it off by default): a third of the script to parse and compile on a start.
      minify: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
        output: {
          // The domain rules and their schemas serve the lazy screens only: their own chunk, out of the first load
          // (left to itself the bundler puts them in the chunk every screen shares, evaluated before the first rows).
          manualChunks: (id: string) =>
            /[\\/](shared[\\/]domain|node_modules[\\/]zod)[\\/]/.test(id) ? 'domain' : undefined,
        },
      },
    },
  },
})
