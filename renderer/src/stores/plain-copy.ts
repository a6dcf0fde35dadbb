import { toRaw } from 'vue'

/** A deep copy of a draft's plain data, as JSON has it (what is saved and compared), detached from Vue's proxies. */
export const plainCopy = <T>(v: T): T => JSON.parse(JSON.stringify(toRaw(v))) as T
