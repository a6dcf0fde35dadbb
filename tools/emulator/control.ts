import { z } from 'zod'
import { OWNER_ROLE, type EmulatorCore } from './core'
import { parseTargets } from './eventbridge'
import { ramOf } from './ram'
import { nowIso, type WorkspaceRec } from './model'

const SeedResourceSchema = z.object({
  Name: z.string().min(1),
  EnvType: z.enum(['dev', 'prod']).default('prod'),
  ResourceType: z.string().min(1),
  GroupName: z.string().optional(),
  IsDefault: z.boolean().default(false),
  Spec: z.record(z.string(), z.unknown()).default({}),
  Quotas: z.array(z.object({ Id: z.string() })).default([]),
  Labels: z.array(z.object({ Key: z.string(), Value: z.string() })).default([]),
})

/** What the test-only control path can seed (POST /__emulator/seed). */
export const SeedSchema = z.object({
  /** The main account (tenant) UID to seed; default: the first main account. */
  tenant: z.string().optional(),
  users: z
    .array(
      z.object({
        UserId: z.string().regex(/^\d{4,20}$/),
        UserName: z.string().min(1),
        DisplayName: z.string().optional(),
        AccountType: z.enum(['5', '6']).default('5'),
        /** RAM policies attached to the user (or the role, AccountType "6") directly, and the RAM groups a user is in (tools/emulator/ram.ts). */
        Policies: z.array(z.string()).default([]),
        Groups: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  /** RAM user groups [用户组] and their policies (a user gets AliyunPAIFullAccess through a group too). */
  ramGroups: z
    .array(z.object({ GroupName: z.string().min(1), Comments: z.string().default(''), Policies: z.array(z.string()) }))
    .default([]),
  dataworksNames: z.array(z.string()).default([]),
  eventBridge: z.boolean().optional(),
  workspaces: z
    .array(
      z.object({
        WorkspaceName: z.string().min(1),
        Description: z.string().default(''),
        DisplayName: z.string().optional(),
        EnvTypes: z.array(z.enum(['dev', 'prod'])).default(['prod']),
        /** The owner (A4); default: the tenant's main account. */
        Creator: z.string().optional(),
        members: z.array(z.object({ UserId: z.string(), Roles: z.array(z.string()).min(1) })).default([]),
        /** CategoryName `''` stores the key with no category (as the SDK writes `modelExportPath`). */
        configs: z
          .array(
            z.object({
              CategoryName: z.string().default('CommonResourceConfig'),
              ConfigKey: z.string(),
              ConfigValue: z.string(),
            }),
          )
          .default([]),
        /** Objects made elsewhere (the console, ROS): stored exactly as given, the Spec, roles and targets too. */
        resources: z.array(SeedResourceSchema).default([]),
        roles: z
          .array(
            z.object({
              RoleName: z.string().min(1),
              ModulePermissions: z.array(z.looseObject({ ModuleName: z.string(), PermissionType: z.string() })),
            }),
          )
          .default([]),
        rules: z
          .array(
            z.object({
              RuleName: z.string().min(1),
              FilterPattern: z.string(),
              Status: z.string().default('ENABLE'),
              Description: z.string().default(''),
              Targets: z.array(z.record(z.string(), z.unknown())).default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  slsProjects: z
    .array(
      z.object({
        projectName: z.string().min(3),
        description: z.string().default(''),
        logstores: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  robots: z
    .array(
      z.object({ token: z.string().min(1), secret: z.string().optional(), keywords: z.array(z.string()).default([]) }),
    )
    .default([]),
})
export type SeedInput = z.input<typeof SeedSchema>

type SeedWorkspace = z.infer<typeof SeedSchema>['workspaces'][number]

/** Resources and custom roles of a seeded workspace, stored as given. */
function seedObjects(core: EmulatorCore, ws: WorkspaceRec, w: SeedWorkspace, at: string): void {
  for (const r of w.resources) {
    const rid = `Resource-${core.id().toString(36)}${ws.WorkspaceId}`
    ws.resources[rid] = {
      Id: rid,
      Name: r.Name,
      EnvType: r.EnvType,
      ResourceType: r.ResourceType,
      GroupName: r.GroupName ?? r.Name,
      IsDefault: r.IsDefault,
      Labels: r.Labels,
      Quotas: r.Quotas,
      Spec: r.Spec,
      GmtCreateTime: at,
    }
  }
  for (const r of w.roles) {
    const roleId = `role-${core.id().toString(36)}${ws.WorkspaceId}`
    ws.roles[roleId] = {
      RoleId: roleId,
      RoleName: r.RoleName,
      Creator: ws.Creator,
      ModulePermissions: r.ModulePermissions as WorkspaceRec['roles'][string]['ModulePermissions'],
      GmtCreateTime: at,
      GmtModifiedTime: at,
      readyAt: 0,
      pendingStatus: 'Creating',
    }
  }
}

export function applySeed(
  core: EmulatorCore,
  input: unknown,
): { workspaces: Array<{ WorkspaceName: string; WorkspaceId: string }> } {
  const s = SeedSchema.parse(input)
  const mainUid =
    s.tenant ??
    [...core.accounts.values()].find((a) => a.type === 'main')?.uid ??
    [...core.accounts.values()][0]!.parentUid
  const t = core.tenant(mainUid)
  const ram = ramOf(t)
  for (const g of s.ramGroups)
    ram.groups[g.GroupName] = {
      GroupName: g.GroupName,
      GroupId: String(core.id()),
      Comments: g.Comments,
      policies: g.Policies,
    }
  for (const u of s.users) {
    t.users[u.UserId] = {
      UserId: u.UserId,
      UserName: u.UserName,
      DisplayName: u.DisplayName ?? u.UserName,
      AccountType: u.AccountType,
    }
    // a RAM role's policies (ListPoliciesForRole), a RAM user's (ListPoliciesForUser)
    if (u.Policies.length) (u.AccountType === '6' ? ram.rolePolicies : ram.userPolicies)[u.UserName] = u.Policies
    if (u.Groups.length) ram.userGroups[u.UserName] = u.Groups
  }
  t.dataworksNames.push(...s.dataworksNames)
  if (s.eventBridge !== undefined) t.eventBridge = s.eventBridge
  const created: Array<{ WorkspaceName: string; WorkspaceId: string }> = []
  for (const w of s.workspaces) {
    const id = String(core.id())
    const at = nowIso()
    const creator = w.Creator ?? mainUid
    const ws: WorkspaceRec = {
      WorkspaceId: id,
      WorkspaceName: w.WorkspaceName,
      DisplayName: w.DisplayName ?? w.WorkspaceName,
      Description: w.Description,
      EnvTypes: w.EnvTypes,
      ResourceGroupId: `rg-default${mainUid.slice(-6)}`,
      Creator: creator,
      IsDefault: false,
      GmtCreateTime: at,
      GmtModifiedTime: at,
      readyAt: 0,
      members: {
        [`${id}-${creator}`]: { MemberId: `${id}-${creator}`, UserId: creator, Roles: [OWNER_ROLE], GmtCreateTime: at },
      },
      configs: {},
      resources: {},
      roles: {},
    }
    for (const m of w.members) {
      if (!t.users[m.UserId])
        t.users[m.UserId] = {
          UserId: m.UserId,
          UserName: `user${m.UserId.slice(-4)}`,
          DisplayName: `user${m.UserId.slice(-4)}`,
          AccountType: '5',
        }
      const existing = ws.members[`${id}-${m.UserId}`]
      if (existing) existing.Roles = [...new Set([...existing.Roles, ...m.Roles])]
      else
        ws.members[`${id}-${m.UserId}`] = {
          MemberId: `${id}-${m.UserId}`,
          UserId: m.UserId,
          Roles: m.Roles,
          GmtCreateTime: at,
        }
    }
    for (const c of w.configs)
      ws.configs[`${c.CategoryName}/${c.ConfigKey}`] = {
        ConfigId: `wc-${core.id().toString(36)}`,
        CategoryName: c.CategoryName,
        ConfigKey: c.ConfigKey,
        ConfigValue: c.ConfigValue,
        Labels: [],
        GmtCreateTime: at,
        GmtModifiedTime: at,
      }
    seedObjects(core, ws, w, at)
    t.workspaces[id] = ws
    const bus = `pai-system-${w.WorkspaceName}`
    if (t.eventBridge && !t.buses[bus])
      t.buses[bus] = {
        EventBusName: bus,
        Description: `PAI workspace ${w.WorkspaceName}`,
        CreateTimestamp: Date.now(),
        rules: {},
      }
    const b = t.buses[bus]
    for (const r of w.rules)
      if (b)
        b.rules[r.RuleName] = {
          RuleName: r.RuleName,
          Description: r.Description,
          FilterPattern: r.FilterPattern,
          Status: r.Status,
          CreatedTimestamp: Date.now(),
          targets: parseTargets(r.Targets),
        }
    created.push({ WorkspaceName: w.WorkspaceName, WorkspaceId: id })
  }
  for (const p of s.slsProjects)
    t.slsProjects[p.projectName] = {
      projectName: p.projectName,
      description: p.description,
      createTime: nowIso().replace('T', ' ').slice(0, 19),
      logstores: p.logstores,
    }
  for (const r of s.robots)
    core.state.robots[r.token] = { token: r.token, secret: r.secret, keywords: r.keywords, recent: [], messages: [] }
  core.dirty()
  return { workspaces: created }
}
