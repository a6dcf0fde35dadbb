import type { Catalog } from './catalog'

/** Messages for access across the fleet (访问权限总览, bulk changes). */
export const accessMessages = {
  ACCESS_USER_UNKNOWN: {
    'zh-CN': '本地缓存的工作空间中没有用户 {userId}:请检查 UserId,或先刷新',
    en: 'No cached workspace has user {userId}: check the UserId, or refresh first',
  },
  ACCESS_ROLE_UNKNOWN: {
    'zh-CN': '未知角色:{roles}(内置角色写作 PAI.*,自定义角色写名称)',
    en: 'Unknown role: {roles} (built-in roles are PAI.*, custom roles go by name)',
  },
  ACCESS_WORKSPACE_UNKNOWN: {
    'zh-CN': '本地缓存中没有工作空间 {workspace}:请先刷新',
    en: 'No cached workspace {workspace}: refresh first',
  },
  ACCESS_NOTHING_TO_CHANGE: {
    'zh-CN': '没有需要变更的内容:所选工作空间已是所要求的状态',
    en: 'Nothing to change: the chosen workspaces already are as asked',
  },
  ACCESS_CHANGE_NOT_DRAFTED: {
    'zh-CN': '批量变更 {id} 已应用或已放弃',
    en: 'Bulk change {id} was already applied or discarded',
  },
  ACCESS_CHANGE_UNREADABLE: {
    'zh-CN': '批量变更 {id} 的记录无法读取',
    en: 'The record of bulk change {id} cannot be read',
  },
  ACCESS_ROLE_NOT_IN_WORKSPACE: {
    'zh-CN': '工作空间「{workspace}」中没有自定义角色「{role}」',
    en: 'Workspace "{workspace}" has no custom role "{role}"',
  },
  ACCESS_REFUSED: {
    'zh-CN': '规则不允许此变更',
    en: 'The rules refuse this change',
  },
  ACCESS_INSTEAD_M5: {
    'zh-CN': '改为移除该成员(离职处理),或先授予另一个角色',
    en: 'Remove the member instead (offboard), or grant another role first',
  },
  ACCESS_INSTEAD_M6: {
    'zh-CN': '负责人会一直保留在工作空间中:保留该成员并移除其其他角色,或在 PAI 控制台中处理该工作空间本身',
    en: 'The owner stays in the workspace: keep them and remove their other roles, or deal with the workspace itself in the PAI console',
  },
  ACCESS_INSTEAD_ROLE_MISSING: {
    'zh-CN': '先在该工作空间中创建此自定义角色,或改用内置角色',
    en: 'Create this custom role in that workspace first, or use a built-in role',
  },
  ACCESS_INSTEAD_CONSOLE: {
    'zh-CN': '请在 PAI 控制台中处理',
    en: 'Handle it in the PAI console',
  },
} satisfies Catalog
