// English messages for branding: organiser, co-organiser, subtitle, theme and logo; merged into en.ts.
import type { brandingZh } from './branding.zh.js';

export const brandingEn: Record<keyof typeof brandingZh, string> = {
  'definition.field.branding': 'Branding',
  'definition.field.organiser': 'Organiser (主办)',
  'definition.field.coOrganiser': 'Co-organiser (承办)',
  'definition.field.subtitle': 'Subtitle',
  'definition.field.theme': 'Theme',

  'branding.organiser': 'Organised by {name}',
  'branding.coOrganiser': 'Hosted by {name}',
  'branding.logoAlt': "Organiser's logo",
  'branding.theme.red': 'Party red',
  'branding.theme.blue': 'Solemn blue',
  'branding.logo': 'Logo',
  'branding.logo.none': 'No logo yet',
  'branding.logo.upload': 'Upload logo',
  'branding.logo.replace': 'Replace logo',
  'branding.logo.remove': 'Remove logo',
  'branding.logo.busy': 'Uploading…',
  'branding.logo.hint': 'A PNG, JPEG or WebP image up to 1 MB; it shows on the screen and the phones as soon as it is uploaded.',

  'error.no-logo': 'No logo: the file is empty or none was uploaded',
  'error.logo-too-big': 'The logo is too big: at most 1 MB',
  'error.logo-not-image': 'The logo must be a PNG, JPEG or WebP image (judged by its content; SVG is not accepted)',
};
