// 简体中文 messages for the rounds area; merged into zh.ts.
export const roundsZh = {} as const;
