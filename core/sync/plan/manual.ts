import type { ConsoleSteps } from '@shared/ipc/channels/sync'
import type { Locale } from '@shared/locale'

/**
 * Console steps for settings that have no public API (docs/pai-api-facts.md §8, §1.5.2): SLS log forwarding
 * (L1), the general switches G1-G3, scheduling (S1-S3), the Designer workflow storage (ST2), the
 * notification target quota (E6) and moving a workspace to another resource group. The console's
 * route for each page is not documented, so the link opens the workspace in its region.
 */
export type ManualTopic =
  | 'sls'
  | 'dlcContainerAccess'
  | 'dswSsh'
  | 'dswPublicAccess'
  | 'scheduling'
  | 'designerPath'
  | 'targetQuota'
  | 'resourceGroup'

export function consoleLink(region: string, workspaceId: string | undefined): string {
  const ws = workspaceId ? `&workspaceId=${encodeURIComponent(workspaceId)}` : ''
  return `https://pai.console.aliyun.com/?regionId=${encodeURIComponent(region)}${ws}#/workspace/detail`
}

const open = {
  zh: (ws: string) => `登录 PAI 控制台,在「工作空间列表」中进入工作空间「${ws}」`,
  en: (ws: string) => `Sign in to the PAI console and open workspace "${ws}" from the workspace list`,
}

export function consoleSteps(
  topic: ManualTopic,
  ctx: { region: string; workspaceId?: string; workspaceName: string; value: Record<Locale, string> },
): ConsoleSteps {
  const ws = ctx.workspaceName
  const v = ctx.value['zh-CN']
  const e = ctx.value.en
  const link = consoleLink(ctx.region, ctx.workspaceId)
  const steps = (zh: string[], en: string[]): ConsoleSteps => ({
    'zh-CN': [open.zh(ws), ...zh],
    en: [open.en(ws), ...en],
    link,
  })
  switch (topic) {
    case 'sls':
      return steps(
        [
          '单击「配置工作空间」,选择「SLS转发配置」',
          `选择 SLS Project、LogStore 及需要转发日志的模块:${v}`,
          '单击「确定」保存',
        ],
        [
          'Click "Configure Workspace" and choose "SLS forwarding"',
          `Choose the SLS project, the Logstore and the modules whose logs are forwarded: ${e}`,
          'Click OK to save',
        ],
      )
    case 'dlcContainerAccess':
      return steps(
        [
          '单击「配置工作空间」,选择「通用配置」',
          `将 DLC「允许进入任务节点容器」设置为:${v}`,
          '保存后需重启相关实例才能生效',
        ],
        [
          'Click "Configure Workspace" and choose "General configuration"',
          `Set DLC "Access node containers" to: ${e}`,
          'Save; restart the affected instances for it to take effect',
        ],
      )
    case 'dswSsh':
      return steps(
        [
          '单击「配置工作空间」,选择「通用配置」',
          `将 DSW「通过公网 SSH 连接实例」设置为:${v}`,
          '保存后需重启相关实例才能生效',
        ],
        [
          'Click "Configure Workspace" and choose "General configuration"',
          `Set DSW "Log on to instances from public network using SSH" to: ${e}`,
          'Save; restart the affected instances for it to take effect',
        ],
      )
    case 'dswPublicAccess':
      return steps(
        [
          '单击「配置工作空间」,选择「通用配置」',
          `将 DSW「通过公网访问实例」设置为:${v}`,
          '保存后需重启相关实例才能生效',
        ],
        [
          'Click "Configure Workspace" and choose "General configuration"',
          `Set DSW "Open instances from public network" to: ${e}`,
          'Save; restart the affected instances for it to take effect',
        ],
      )
    case 'scheduling':
      return steps(
        ['在左侧导航栏选择「调度配置」(资源策略)', `按以下内容修改设置:${v}`, '保存'],
        [
          'In the left navigation choose "Scheduling configuration" (resource policies)',
          `Change the settings to: ${e}`,
          'Save',
        ],
      )
    case 'designerPath':
      return steps(
        ['打开 Designer(可视化建模),进入工作流的「工作流数据存储」设置', `将路径设置为:${v}`, '保存'],
        ['Open Designer and the workflow\'s "Workflow data storage" setting', `Set the path to: ${e}`, 'Save'],
      )
    case 'targetQuota':
      return steps(
        ['在「事件通知配置」中提交提高规则通知对象配额的申请', `申请的配额:${v}`],
        ['In "Event notifications", request a higher quota of targets per rule', `Quota requested: ${e}`],
      )
    case 'resourceGroup':
      return steps(
        ['在「工作空间详情」中单击「更换资源组」', `选择资源组:${v}`, '确定'],
        ['In the workspace details click "Change resource group"', `Choose resource group: ${e}`, 'Confirm'],
      )
  }
}
