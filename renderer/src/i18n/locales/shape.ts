/** The English catalog must have exactly the keys of the zh-CN one: a missing key is a compile error. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> }
