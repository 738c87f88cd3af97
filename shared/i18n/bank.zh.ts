// 简体中文 messages for the bank area; merged into zh.ts.
export const bankZh = {} as const;
