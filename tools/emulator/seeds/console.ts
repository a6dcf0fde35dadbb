import type { SeedInput } from '../control'

type SeedWorkspace = NonNullable<SeedInput['workspaces']>[number]

/** A signing secret a console-made DingTalk target holds (the app must never store it, D2). */
export const CONSOLE_DINGTALK_SECRET = 'SEC0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c'

/**
 * A workspace as the PAI console (and ROS) leave it, with objects this app never made and cannot map
 * exactly: rules with other sources, extra pattern keys, console target ids, a function-compute target and
 * a dead-letter queue; config keys the app does not model (and the default storage with its endpoint);
 * resources with `Spec` keys the app does not model, one typed `FLINK` as ROS spells it; a member holding a
 * role the app does not know; a custom role with explicit permission points. The shapes of the console's
 * own rules are our invention (PAI's event strings are not published): what matters is that the app keeps
 * them as they are.
 */
export function consoleMadeWorkspace(name: string, users: { developer: string; admin: string }): SeedWorkspace {
  return {
    WorkspaceName: name,
    Description: 'made in the console',
    EnvTypes: ['dev', 'prod'],
    members: [
      { UserId: users.developer, Roles: ['PAI.AlgoDeveloper', 'PAI.DatasetManager'] },
      { UserId: users.admin, Roles: ['PAI.WorkspaceAdmin'] },
    ],
    configs: [
      {
        CategoryName: '',
        ConfigKey: 'modelExportPath',
        ConfigValue: 'oss://console-bkt.oss-cn-hangzhou-internal.aliyuncs.com/pai/',
      },
      { CategoryName: 'CommonResourceConfig', ConfigKey: 'tempStoragePath', ConfigValue: 'oss://console-bkt/tmp/' },
      {
        CategoryName: 'CommonTagConfig',
        ConfigKey: 'predefinedTags',
        ConfigValue: '[{"Type":"Tag","Key":"team","Value":"{\\"Products\\":\\"DLC,DSW\\",\\"Values\\":\\"a,b\\"}"}]',
      },
      { CategoryName: 'DLCAutoRecycle', ConfigKey: 'isAutoRecycle', ConfigValue: 'true' },
      { CategoryName: '', ConfigKey: 'tempTableLifecycle', ConfigValue: '7' },
      {
        CategoryName: 'ConsoleOnlyConfig',
        ConfigKey: 'dswPublicSsh',
        ConfigValue: '{"enabled":false,"cidr":"10.0.0.0/8"}',
      },
    ],
    resources: [
      {
        Name: 'console_pool',
        ResourceType: 'ECS',
        EnvType: 'prod',
        IsDefault: true,
        Spec: { clusterType: 'private', resourceId: 'rg-quota-1a2b', resourceName: '训练资源组' },
        Labels: [{ Key: 'system.supported.dlc', Value: 'true' }],
      },
      { Name: 'public_dlc', ResourceType: 'ECS', EnvType: 'dev', Spec: { clusterType: 'share' } },
      {
        Name: 'mc_console',
        ResourceType: 'MaxCompute',
        EnvType: 'prod',
        Spec: { endpoint: 'http://service.cn-hangzhou.maxcompute.aliyun-inc.com/api', odpsProject: 'mc_console' },
        Quotas: [{ Id: 'quota-mc-1' }],
      },
      {
        Name: 'flink_ros',
        ResourceType: 'FLINK',
        EnvType: 'prod',
        Spec: { clusterType: 'FullyManaged', flinkWorkspaceId: 'fw-123' },
      },
    ],
    roles: [
      {
        RoleName: 'console_ops',
        ModulePermissions: [
          { ModuleName: 'DSW', PermissionType: 'ReadWrite' },
          {
            ModuleName: 'DLC',
            PermissionType: 'CustomPermissions',
            Permissions: [{ PermissionCodes: ['PaiDLC:GetJob'], PermissionRules: [{ Accessibility: 'PUBLIC' }] }],
          },
        ],
      },
    ],
    rules: [
      {
        RuleName: 'console-dlc-failed',
        Description: '控制台创建',
        FilterPattern: '{\n  "source": ["acs.pai.dlc"],\n  "type": ["pai:dlc:job:Failed", "pai:dlc:job:Stopped"]\n}',
        Targets: [
          {
            Id: 'console-dingtalk-1',
            Type: 'acs.dingtalk',
            Endpoint: 'https://oapi.dingtalk.com/robot/send?access_token=console',
            PushRetryStrategy: 'BACKOFF_RETRY',
            ParamList: [
              {
                ResourceKey: 'URL',
                Form: 'CONSTANT',
                Value: 'https://oapi.dingtalk.com/robot/send?access_token=console',
              },
              { ResourceKey: 'SecretKey', Form: 'CONSTANT', Value: CONSOLE_DINGTALK_SECRET },
              {
                ResourceKey: 'Body',
                Form: 'TEMPLATE',
                Value: '{"job":"$.data.jobName","status":"$.data.status"}',
                Template: '{"msgtype":"markdown","markdown":{"title":"DLC","text":"${job}: ${status}"}}',
              },
            ],
          },
          {
            Id: 'console-fc-1',
            Type: 'acs.fc.function',
            Endpoint: 'acs:fc:cn-hangzhou:1800000000000001:services/alerts/functions/notify',
            ParamList: [{ ResourceKey: 'Body', Form: 'ORIGINAL' }],
            DeadLetterQueue: { Arn: 'acs:mns:cn-hangzhou:1800000000000001:/queues/dlq' },
          },
        ],
      },
      {
        // The app's own encoding with one key more: still not the app's to rewrite.
        RuleName: 'model-approvals-plus',
        FilterPattern:
          '{"source":["acs.pai"],"type":["pai.model.versionApproved"],"subject":[{"prefix":"acs:pai:model"}]}',
        Targets: [{ Id: 'console-http-1', Type: 'https', Endpoint: 'https://hooks.example.com/pai' }],
      },
      {
        RuleName: 'oss-uploads',
        Status: 'DISABLE',
        FilterPattern: '{"source":["acs.oss"],"type":["oss:ObjectCreated:PutObject"]}',
        Targets: [{ Id: 'console-sms-1', Type: 'acs.sms', Endpoint: '13800000001,13800000002' }],
      },
    ],
  }
}
