import type { Locale } from '@shared/locale'

/** Regions where PAI (AIWorkSpace) has an endpoint (docs/pai-api-facts.md §4), with the console's names. */
export const PAI_REGIONS: readonly { id: string; zh: string; en: string }[] = [
  { id: 'cn-hangzhou', zh: '华东1(杭州)', en: 'China (Hangzhou)' },
  { id: 'cn-shanghai', zh: '华东2(上海)', en: 'China (Shanghai)' },
  { id: 'cn-beijing', zh: '华北2(北京)', en: 'China (Beijing)' },
  { id: 'cn-wulanchabu', zh: '华北6(乌兰察布)', en: 'China (Ulanqab)' },
  { id: 'cn-shenzhen', zh: '华南1(深圳)', en: 'China (Shenzhen)' },
  { id: 'cn-heyuan', zh: '华南2(河源)', en: 'China (Heyuan)' },
  { id: 'cn-guangzhou', zh: '华南3(广州)', en: 'China (Guangzhou)' },
  { id: 'cn-hongkong', zh: '中国香港', en: 'China (Hong Kong)' },
  { id: 'cn-shanghai-finance-1', zh: '华东2 金融云', en: 'China East 2 Finance' },
  { id: 'ap-southeast-1', zh: '新加坡', en: 'Singapore' },
  { id: 'ap-southeast-3', zh: '马来西亚(吉隆坡)', en: 'Malaysia (Kuala Lumpur)' },
  { id: 'ap-southeast-5', zh: '印度尼西亚(雅加达)', en: 'Indonesia (Jakarta)' },
  { id: 'ap-southeast-7', zh: '泰国(曼谷)', en: 'Thailand (Bangkok)' },
  { id: 'ap-northeast-1', zh: '日本(东京)', en: 'Japan (Tokyo)' },
  { id: 'ap-northeast-2', zh: '韩国(首尔)', en: 'South Korea (Seoul)' },
  { id: 'ap-south-1', zh: '印度(孟买)', en: 'India (Mumbai)' },
  { id: 'eu-central-1', zh: '德国(法兰克福)', en: 'Germany (Frankfurt)' },
  { id: 'us-east-1', zh: '美国(弗吉尼亚)', en: 'US (Virginia)' },
  { id: 'us-west-1', zh: '美国(硅谷)', en: 'US (Silicon Valley)' },
  { id: 'na-south-1', zh: '墨西哥', en: 'Mexico' },
]

export function regionLabel(id: string, locale: Locale): string {
  const r = PAI_REGIONS.find((x) => x.id === id)
  if (!r) return id
  return `${locale === 'en' ? r.en : r.zh} · ${r.id}`
}
