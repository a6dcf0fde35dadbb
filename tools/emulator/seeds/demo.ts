import type { AccountInput } from '../options'
import type { SeedInput } from '../control'
import { consoleMadeWorkspace } from './console'

/** The demo's main account: its AccessKey is the demo profile's (a made-up key the emulator alone accepts). */
export const DEMO_ACCOUNT = {
  accessKeyId: 'DEMOAKmainAccount0001',
  accessKeySecret: 'demo-main-account-secret',
  type: 'main',
  uid: '1380000000000001',
  name: 'demo-main',
  eventBridge: true,
} as const satisfies AccountInput

/**
 * RAM users of the demo account, as an admin's team would name them, with their RAM policies and groups (A3):
 * most hold AliyunPAIFullAccess through the group `pai-users`, Alice directly, Erin not at all.
 */
export const DEMO_USERS = [
  { UserId: '2380000000000101', UserName: 'alice.wang', DisplayName: '王爱丽', Policies: ['AliyunPAIFullAccess'] },
  { UserId: '2380000000000102', UserName: 'bob.li', DisplayName: '李博', Groups: ['pai-users'] },
  { UserId: '2380000000000103', UserName: 'carol.chen', DisplayName: '陈卡罗', Groups: ['pai-users'] },
  { UserId: '2380000000000104', UserName: 'dave.zhao', DisplayName: '赵大伟', Groups: ['pai-users', 'data-readers'] },
  { UserId: '2380000000000105', UserName: 'erin.sun', DisplayName: '孙艾琳', Groups: ['data-readers'] },
  { UserId: '2380000000000106', UserName: 'ci-pipeline', DisplayName: 'CI 流水线', Policies: ['AliyunPAIFullAccess'] },
] as const

/** RAM users who are members of no workspace yet: the member picker offers them too. */
const DEMO_NEWCOMERS: Array<{
  UserId: string
  UserName: string
  DisplayName: string
  Policies?: string[]
  Groups?: string[]
}> = [
  { UserId: '2380000000000107', UserName: 'frank.zhou', DisplayName: '周弗兰', Groups: ['pai-users'] },
  { UserId: '2380000000000108', UserName: 'grace.wu', DisplayName: '吴格蕾' },
  {
    UserId: '2380000000000109',
    UserName: 'oss-uploader',
    DisplayName: 'OSS 上传程序',
    Policies: ['AliyunOSSFullAccess'],
  },
]

const [alice, bob, carol, dave, erin, ci] = DEMO_USERS.map((u) => u.UserId) as [
  string,
  string,
  string,
  string,
  string,
  string,
]

/**
 * What `npm run demo` seeds: workspaces an admin would meet on a real account. Two teams' workspaces with
 * members, a custom role, resources, storage and a rule; a small sandbox; and one made in the console with
 * objects the app never made (see seeds/console.ts), which the app must keep as they are.
 */
export function demoSeed(): SeedInput {
  return {
    users: [...DEMO_USERS, ...DEMO_NEWCOMERS].map((u) => ({
      ...u,
      AccountType: '5' as const,
      Policies: 'Policies' in u && u.Policies ? [...u.Policies] : [],
      Groups: 'Groups' in u && u.Groups ? [...u.Groups] : [],
    })),
    ramGroups: [
      { GroupName: 'pai-users', Comments: 'PAI 平台用户', Policies: ['AliyunPAIFullAccess'] },
      { GroupName: 'data-readers', Comments: '数据只读', Policies: ['AliyunOSSReadOnlyAccess'] },
    ],
    eventBridge: true,
    workspaces: [
      {
        WorkspaceName: 'vision_team',
        DisplayName: '视觉算法组',
        Description: '图像识别模型的训练与评测',
        EnvTypes: ['dev', 'prod'],
        members: [
          { UserId: alice, Roles: ['PAI.WorkspaceAdmin'] },
          { UserId: bob, Roles: ['PAI.AlgoDeveloper'] },
          { UserId: carol, Roles: ['PAI.AlgoDeveloper', 'PAI.LabelManager'] },
          { UserId: ci, Roles: ['PAI.AlgoOperator'] },
        ],
        configs: [
          { CategoryName: '', ConfigKey: 'modelExportPath', ConfigValue: 'oss://vision-models/export/' },
          { CategoryName: 'CommonResourceConfig', ConfigKey: 'tempStoragePath', ConfigValue: 'oss://vision-tmp/' },
        ],
        resources: [
          {
            Name: 'vision_gpu',
            ResourceType: 'ECS',
            EnvType: 'prod',
            IsDefault: true,
            Spec: { clusterType: 'private', resourceId: 'rg-quota-vision', resourceName: '视觉 GPU 资源组' },
          },
          { Name: 'vision_public', ResourceType: 'ECS', EnvType: 'dev', Spec: { clusterType: 'share' } },
        ],
        roles: [
          {
            RoleName: 'dataset_reviewer',
            ModulePermissions: [
              { ModuleName: 'Dataset', PermissionType: 'ReadWrite' },
              { ModuleName: 'DSW', PermissionType: 'ReadOnly' },
            ],
          },
        ],
        rules: [
          {
            RuleName: 'model-approved',
            Description: '模型版本审批通过时通知',
            FilterPattern: '{"source":["acs.pai"],"type":["pai.model.versionApproved"]}',
            Targets: [{ Id: 'demo-http-1', Type: 'https', Endpoint: 'https://hooks.example.com/vision' }],
          },
        ],
      },
      {
        WorkspaceName: 'nlp_prod',
        DisplayName: 'NLP 生产',
        Description: '大模型微调与在线服务',
        EnvTypes: ['prod'],
        members: [
          { UserId: dave, Roles: ['PAI.WorkspaceAdmin'] },
          { UserId: erin, Roles: ['PAI.AlgoDeveloper', 'PAI.MaxComputeDeveloper'] },
          { UserId: bob, Roles: ['PAI.WorkspaceGuest'] },
        ],
        configs: [{ CategoryName: '', ConfigKey: 'modelExportPath', ConfigValue: 'oss://nlp-models/' }],
        resources: [
          {
            Name: 'nlp_mc',
            ResourceType: 'MaxCompute',
            EnvType: 'prod',
            IsDefault: true,
            Spec: { endpoint: 'http://service.cn-hangzhou.maxcompute.aliyun-inc.com/api', odpsProject: 'nlp_mc' },
          },
        ],
      },
      {
        WorkspaceName: 'sandbox',
        DisplayName: '试验田',
        Description: '新人练手',
        EnvTypes: ['prod'],
        members: [{ UserId: erin, Roles: ['PAI.AlgoDeveloper'] }],
      },
      consoleMadeWorkspace('console_made', { developer: carol, admin: alice }),
    ],
  }
}
