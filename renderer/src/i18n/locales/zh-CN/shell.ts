/** zh-CN strings of the app shell (layout, navigation, status bar, diagnostics). */
export default {
  app: {
    title: 'PAI 工作空间管理',
    language: '语言',
    theme: '主题',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
  },
  nav: {
    workspaces: '工作空间列表',
    create: '新建工作空间',
    pending: '待同步变更',
    access: '访问权限总览',
    activity: '操作记录',
    profiles: '账号',
    importExport: '导入与导出',
    settings: '设置',
    diagnostics: '诊断',
    workspaceConfig: '工作空间配置',
  },
  recovery: {
    title: '本地数据库已损坏并已自动恢复',
  },
  status: {
    online: '在线',
    offline: '离线',
    profile: '当前账号',
    noProfile: '仅离线使用',
    job: '正在刷新:{done}/{total}',
  },
  diagnostics: {
    title: '诊断',
    ping: '测试连接',
    pingText: '你好,PAI',
    reply: '回应',
    version: '版本',
    runtime: '运行环境',
    dataDir: '数据目录',
    logDir: '日志目录',
  },
}
