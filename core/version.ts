/** The app version, injected at build time by Vite and read from package.json under tsx/vitest. */
declare const __APP_VERSION__: string | undefined

export const APP_NAME = 'PAI Workspace Admin'
export const APP_VERSION: string =
  typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : (process.env.npm_package_version ?? '0.0.0-dev')
