import type { Locale } from '../locale'

/**
 * The names the PAI console gives to what a plan changes, in both languages (the same words as the config screen's
 * labels). Shared by the plan's sentences (describe.ts), the console steps and the CLI.
 */
type Names = Record<string, string>
const both = (zh: Names, en: Names): Record<Locale, Names> => ({ 'zh-CN': zh, en })

export const ROLE_NAMES = both(
  {
    'PAI.WorkspaceOwner': '负责人',
    'PAI.WorkspaceAdmin': '管理员',
    'PAI.AlgoDeveloper': '算法开发',
    'PAI.AlgoOperator': '算法运维',
    'PAI.LabelManager': '标注管理员',
    'PAI.WorkspaceGuest': '访客',
    'PAI.MaxComputeDeveloper': 'MaxCompute开发',
  },
  {
    'PAI.WorkspaceOwner': 'Owner',
    'PAI.WorkspaceAdmin': 'Administrator',
    'PAI.AlgoDeveloper': 'Algorithm developer',
    'PAI.AlgoOperator': 'Algorithm O&M',
    'PAI.LabelManager': 'Labeling administrator',
    'PAI.WorkspaceGuest': 'Guest',
    'PAI.MaxComputeDeveloper': 'MaxCompute developer',
  },
)

/** Custom-role modules (docs/pai-api-facts.md §3.3 `ModuleName`) by the console's product names. */
export const MODULE_NAMES = both(
  {
    PaiDesigner: 'Designer',
    Paiflow: '工作流',
    DSW: 'DSW',
    DLC: 'DLC',
    Dataset: '数据集',
    Model: '模型',
    Image: '镜像',
    CodeSource: '代码配置',
    'PaiWorkspace@@Workspace': '工作空间基本信息',
    'PaiWorkspace@@MemberRole': '成员与角色',
    'PaiWorkspace@@Resource': '计算资源',
    'PaiWorkspace@@Config': '配置中心',
    ArtLab: 'ArtLab',
  },
  {
    PaiDesigner: 'Designer',
    Paiflow: 'Workflows',
    DSW: 'DSW',
    DLC: 'DLC',
    Dataset: 'Datasets',
    Model: 'Models',
    Image: 'Images',
    CodeSource: 'Code sources',
    'PaiWorkspace@@Workspace': 'Workspace information',
    'PaiWorkspace@@MemberRole': 'Members and roles',
    'PaiWorkspace@@Resource': 'Compute resources',
    'PaiWorkspace@@Config': 'Configuration center',
    ArtLab: 'ArtLab',
  },
)

export const LEVEL_NAMES = both(
  { NoPrivilege: '无权限', ReadOnly: '只读', ReadWrite: '可编辑运行', FullAccess: '完全控制' },
  { NoPrivilege: 'none', ReadOnly: 'read-only', ReadWrite: 'edit and run', FullAccess: 'full control' },
)

export const RESOURCE_KIND_NAMES = both(
  {
    lingjun: '灵骏智算资源',
    general: '通用计算资源',
    acs: 'ACS计算资源',
    maxcompute: 'MaxCompute资源',
    flink: 'Flink全托管资源',
  },
  {
    lingjun: 'Lingjun intelligent computing',
    general: 'general computing',
    acs: 'ACS computing',
    maxcompute: 'MaxCompute',
    flink: 'Flink fully managed',
  },
)

export const ENV_NAMES = both({ prod: '生产环境', dev: '开发环境' }, { prod: 'production', dev: 'development' })

export const EVENT_TYPE_NAMES = both(
  {
    'workflow.taskFailed': '工作流任务:任务失败',
    'workflow.taskEnded': '工作流任务:任务结束',
    'dlc.jobProgress': 'DLC任务:任务进程',
    'dlc.faultTolerance': 'DLC任务:任务自动容错',
    'dlc.jobTimeout': 'DLC任务:任务超时',
    'dlc.other': 'DLC任务:其他事件',
    'model.versionApproved': '模型:模型版本允许上线',
    'model.versionStatusChanged': '模型:模型版本状态改变',
  },
  {
    'workflow.taskFailed': 'workflow task failed',
    'workflow.taskEnded': 'workflow task ended',
    'dlc.jobProgress': 'DLC task progress',
    'dlc.faultTolerance': 'DLC automatic fault tolerance',
    'dlc.jobTimeout': 'DLC task timeout',
    'dlc.other': 'other DLC events',
    'model.versionApproved': 'model version approved',
    'model.versionStatusChanged': 'model version status changed',
  },
)

export const TARGET_TYPE_NAMES = both(
  { dingtalk: '钉钉机器人', http: 'HTTP/HTTPS 地址', voice: '语音电话联系人', sms: '短信联系人', email: '邮件联系人' },
  {
    dingtalk: 'DingTalk robot',
    http: 'HTTP/HTTPS endpoint',
    voice: 'voice contact',
    sms: 'SMS contact',
    email: 'email contact',
  },
)

export const TIMEOUT_KIND_NAMES = both(
  { queue: '排队超时', environmentPreparation: '环境准备超时', wait: '等待超时' },
  { queue: 'queueing timeout', environmentPreparation: 'environment preparation timeout', wait: 'wait timeout' },
)

/** The settings a plan changes, by the field names `PlanChange` uses, as the console labels them. */
export const FIELD_NAMES = both(
  {
    name: '工作空间名称',
    mode: '工作空间模式',
    displayName: '显示名称',
    description: '描述',
    resourceGroupId: '资源组',
    defaultStorage: '工作空间默认存储路径',
    designerPath: 'Designer 工作流数据存储',
    isDefault: '默认资源',
    gpuCount: 'GPU 数量',
    gpuType: 'GPU 型号',
    clusterType: '集群类型',
    enabled: '启用',
    eventTypes: '事件类型',
    scope: '事件范围',
    quota: '每条规则的通知对象配额',
    sls: 'SLS 日志转发',
    dlcContainerAccess: 'DLC「允许进入任务节点容器」',
    dswSsh: 'DSW「通过公网 SSH 连接实例」',
    dswPublicAccess: 'DSW「通过公网访问实例」',
    maxRuntimeMinutes: '最长运行时长',
    allowPublicResources: '允许使用公共资源',
    jobPriorityLimits: '任务优先级上限',
    instancePriorityLimits: '实例优先级上限',
    nonMembers: '非工作空间成员',
    timeouts: '超时规则',
  },
  {
    name: 'workspace name',
    mode: 'workspace mode',
    displayName: 'display name',
    description: 'description',
    resourceGroupId: 'resource group',
    defaultStorage: 'default storage',
    designerPath: 'Designer workflow data storage',
    isDefault: 'default resource',
    gpuCount: 'GPU count',
    gpuType: 'GPU type',
    clusterType: 'cluster type',
    enabled: 'enabled',
    eventTypes: 'event types',
    scope: 'event scope',
    quota: 'target quota per rule',
    sls: 'SLS log forwarding',
    dlcContainerAccess: 'DLC "Access node containers"',
    dswSsh: 'DSW "Log on to instances from public network using SSH"',
    dswPublicAccess: 'DSW "Open instances from public network"',
    maxRuntimeMinutes: 'maximum runtime',
    allowPublicResources: 'allow public resources',
    jobPriorityLimits: 'job priority limits',
    instancePriorityLimits: 'instance priority limits',
    nonMembers: 'non-members',
    timeouts: 'timeout rules',
  },
)

/** A name from a table, or the key itself as the cloud spells it (a role or module the app does not know). */
export const nameOf = (table: Record<Locale, Names>, locale: Locale, key: string): string => table[locale][key] ?? key
