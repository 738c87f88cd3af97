// 简体中文 messages for branding: 主办, 承办, subtitle, theme and logo, on every page and in the
// contest file; merged into zh.ts.
export const brandingZh = {
  'definition.field.branding': '标识与主题',
  'definition.field.organiser': '主办单位',
  'definition.field.coOrganiser': '承办单位',
  'definition.field.subtitle': '副标题',
  'definition.field.theme': '主题配色',

  'branding.organiser': '主办单位：{name}',
  'branding.coOrganiser': '承办单位：{name}',
  'branding.logoAlt': '主办单位徽标',
  'branding.theme.red': '党建红',
  'branding.theme.blue': '庄重蓝',
  'branding.logo': '徽标',
  'branding.logo.none': '未上传徽标',
  'branding.logo.upload': '上传徽标',
  'branding.logo.replace': '更换徽标',
  'branding.logo.remove': '移除徽标',
  'branding.logo.busy': '正在上传…',
  'branding.logo.hint': 'PNG、JPEG 或 WebP 图片，不超过 1 MB；上传即生效，大屏幕和手机立即显示。',

  'error.no-logo': '没有徽标：文件为空或尚未上传',
  'error.logo-too-big': '徽标图片太大：不能超过 1 MB',
  'error.logo-not-image': '徽标必须是 PNG、JPEG 或 WebP 图片（按文件内容判断；不接受 SVG）',
} as const;
