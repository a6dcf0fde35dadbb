import shell from './shell'
import ui from './ui'
import profiles from './profiles'
import workspaces from './workspaces'
import wizard from './wizard'
import pending from './pending'
import bundles from './bundles'
import config from './config'
import credentials from './credentials'
import kept from './kept'
import access from './access'

/**
 * zh-CN UI strings, in the PAI console's own terms, one file per area. The English catalog
 * (`../en/index.ts`) is typed against this one.
 */
export default {
  ...shell,
  ...ui,
  ...profiles,
  ...workspaces,
  ...wizard,
  ...pending,
  ...bundles,
  ...config,
  ...credentials,
  ...kept,
  ...access,
}
