import ExcelJS from 'exceljs'
import { stringify } from 'csv-stringify/sync'
import type { AccessExport, AccessOverview, AccessQuery } from '@shared/ipc/channels/access'
import type { Locale } from '@shared/locale'
import type { AccessService } from './access'

export const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['用户', 'UserId', '工作空间', '工作空间ID', '账号配置', '地域', '角色', '负责人', '最近刷新'],
  en: ['User', 'UserId', 'Workspace', 'WorkspaceId', 'Profile', 'Region', 'Roles', 'Owner', 'Last refreshed'],
}

/** One page of the overview as rows: one per membership, in the order of its users. */
function rowsOfPage(page: AccessOverview): string[][] {
  const rows: string[][] = []
  const ws = new Map(page.workspaces.map((w) => [w.key, w]))
  const cells = new Map<string, AccessOverview['cells']>()
  for (const c of page.cells) cells.set(c.userId, [...(cells.get(c.userId) ?? []), c])
  for (const u of page.users)
    for (const c of (cells.get(u.userId) ?? []).sort((a, b) => a.key.localeCompare(b.key))) {
      const w = ws.get(c.key)
      rows.push([
        u.name,
        u.userId,
        w?.name ?? '',
        w?.workspaceId ?? c.key,
        w?.profileName ?? '',
        w?.region ?? '',
        c.roles.map((r) => r.name).join('; '),
        c.owner ? 'yes' : '',
        w?.fetchedAt ?? '',
      ])
    }
  return rows
}

/** Every page of the filtered overview as rows (the export is of the whole filtered view). */
export async function allRows(page: (offset: number) => AccessOverview | Promise<AccessOverview>): Promise<string[][]> {
  const rows: string[][] = []
  for (let offset = 0; ; offset += 1000) {
    const p = await page(offset)
    rows.push(...rowsOfPage(p))
    if (p.users.length < 1000) return rows
  }
}

/** CSV (UTF-8 with a BOM, so spreadsheet apps read the Chinese names) or XLSX (exceljs). */
export async function exportAccess(
  access: AccessService,
  q: AccessQuery,
  format: 'csv' | 'xlsx',
  locale: Locale,
): Promise<AccessExport> {
  const rows = await allRows((offset) => access.overview({ ...q, offset, limit: 1000 }))
  const header = HEADERS[locale]
  const stamp = new Date().toISOString().slice(0, 10)
  if (format === 'csv') {
    const text = '\ufeff' + stringify([header, ...rows])
    return {
      fileName: `access-${stamp}.csv`,
      mime: 'text/csv',
      base64: Buffer.from(text, 'utf8').toString('base64'),
      rows: rows.length,
    }
  }
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(locale === 'zh-CN' ? '访问权限' : 'Access')
  sheet.addRow(header).font = { bold: true }
  for (const r of rows) sheet.addRow(r)
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const buf = Buffer.from(await book.xlsx.writeBuffer())
  return {
    fileName: `access-${stamp}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buf.toString('base64'),
    rows: rows.length,
  }
}
