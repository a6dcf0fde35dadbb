// Architecture rules, checked by `npm run lint` (`depcruise`). See docs/architecture.md, "Layers".
//
// Inside the core, each layer may import only the layers below it:
//   store, vault, cloud, log, ipc (and paths.ts, version.ts)     <- bottom: independent of each other
//   model/        draft keys, profile facts, validation context
//   services/     profiles, workspaces, settings, cloud sessions and checks
//   sync/, bundles/                                              <- peers: neither imports the other
//   handlers/     call services only (never the store, vault, cloud or model directly)
//   core.ts       builds everything
/** @type {import('dependency-cruiser').IConfiguration} */
const BOTTOM = '^core/(store|vault|cloud|log|ipc)/'
const ABOVE_BOTTOM = '^core/(model|services|sync|bundles|handlers)/|^core/core\\.ts$'

module.exports = {
  forbidden: [
    // ------------------------------------------------------------------ layers inside the core
    {
      name: 'core-bottom-is-independent',
      comment: 'store, vault, cloud, log and ipc are the bottom layer: they import no other part of the core.',
      severity: 'error',
      from: { path: BOTTOM },
      to: { path: '^core/', pathNot: ['^core/$1/', '^core/(paths|version|private-files)\\.ts$'] },
    },
    {
      name: 'core-bottom-imports-nothing-above',
      comment: 'paths.ts and version.ts belong to the bottom layer too.',
      severity: 'error',
      from: { path: '^core/(paths|version|private-files)\\.ts$' },
      to: { path: ABOVE_BOTTOM },
    },
    {
      name: 'core-model-above-bottom-only',
      comment: 'The model helpers (core/model) sit on the store, vault, cloud and log, below every service.',
      severity: 'error',
      from: { path: '^core/model/' },
      to: { path: '^core/(services|sync|bundles|handlers)/|^core/core\\.ts$' },
    },
    {
      name: 'core-services-below-sync-and-bundles',
      comment: 'Services (profiles, workspaces, settings, cloud) never import sync, bundles, handlers or core.ts.',
      severity: 'error',
      from: { path: '^core/services/' },
      to: { path: '^core/(sync|bundles|handlers)/|^core/core\\.ts$' },
    },
    {
      name: 'core-sync-and-bundles-below-handlers',
      comment: 'Sync and bundles never import handlers or core.ts.',
      severity: 'error',
      from: { path: '^core/(sync|bundles)/' },
      to: { path: '^core/handlers/|^core/core\\.ts$' },
    },
    {
      name: 'core-sync-and-bundles-are-peers',
      comment: 'Sync and bundles are one layer: neither imports the other.',
      severity: 'error',
      from: { path: '^core/(sync|bundles)/' },
      to: { path: '^core/(sync|bundles)/', pathNot: '^core/$1/' },
    },
    {
      name: 'core-handlers-call-services-only',
      comment: 'A handler turns a channel into a service call: it never reaches the store, vault, cloud or model.',
      severity: 'error',
      from: { path: '^core/handlers/' },
      to: { path: '^core/(store|vault|cloud|log|model)/|^core/core\\.ts$' },
    },
    // ------------------------------------------------------------------ the outer rules
    {
      name: 'shared-is-pure',
      comment: 'shared/ runs anywhere: it imports only shared/ and zod (no Node, Electron, DOM or app code).',
      severity: 'error',
      from: { path: '^shared/' },
      to: {
        pathNot: ['^shared/', '^node_modules/zod/'],
      },
    },
    {
      name: 'core-cli-web-never-import-electron',
      comment: 'The core, the CLI and the harness are plain Node: never `electron`, electron/ or renderer/.',
      severity: 'error',
      from: { path: '^(core|cli|web)/' },
      to: { path: ['^(electron|renderer)/', '^node_modules/electron/'] },
    },
    {
      name: 'core-never-imports-its-front-doors',
      comment: 'The core knows nothing of the CLI, the harness or the shell that create it.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(cli|web|electron)/' },
    },
    {
      name: 'renderer-only-shared-and-its-bridge',
      comment: 'The renderer reaches the core only through shared/ and its bridge: no Node, Electron or core code.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: {
        pathNot: [
          '^renderer/',
          '^shared/',
          '^node_modules/(vue|@vue|vue-i18n|@intlify|vue-router|pinia|element-plus|@element-plus)/',
          // Element Plus's per-component styles (resolved by Vite, not by Node) and Vite's client types.
          '^element-plus/es/components/[a-z-]+/style/css$',
          '^node_modules/vite/client\\.d\\.ts$',
        ],
      },
    },
    {
      name: 'preload-only-electron-and-the-contract',
      comment: 'The preload exposes the contract and nothing else.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^electron/preload/', '^shared/ipc/', '^shared/', '^node_modules/(electron|zod)/'] },
    },
    {
      name: 'product-never-imports-test-code',
      comment: 'Tests, the emulator and the benchmarks are never shipped.',
      severity: 'error',
      from: { path: '^(core|cli|web|electron|renderer|shared)/' },
      to: { path: '^(tests|tools|bench)/' },
    },
    {
      name: 'emulator-is-independent',
      comment:
        'The emulator is our only cloud: it must not reuse the clients or the rules it is meant to check ' +
        '(a shared mistake would make both agree).',
      severity: 'error',
      from: { path: '^tools/emulator/' },
      to: { path: '^(core|shared|cli|web|electron|renderer)/' },
    },
    // ------------------------------------------------------------------ general hygiene
    {
      name: 'no-circular-in-product',
      comment: 'A cycle makes a layer meaningless.',
      severity: 'error',
      from: { path: '^(core|shared|cli|web|electron|renderer)/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^element-plus/es/components/[a-z-]+/style/css$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|release|coverage|test-results|playwright-report)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mts', '.vue', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
