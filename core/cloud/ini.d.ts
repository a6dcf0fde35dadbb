// The `ini` package (1.3.8, the parser @alicloud/credentials reads ~/.alibabacloud/credentials with) ships no types.
declare module 'ini' {
  export function parse(text: string): Record<string, unknown>
}
