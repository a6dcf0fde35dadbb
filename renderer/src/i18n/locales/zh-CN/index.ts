import shell from './shell'
import config from './config'
import ui from './ui'
import profiles from './profiles'

/**
 * zh-CN UI strings, in the PAI console's own terms, one file per area. The English catalog
 * (`../en/index.ts`) is typed against this one.
 */
export default {
  ...shell,
  ...config,
  ...ui,
  ...profiles,
}
