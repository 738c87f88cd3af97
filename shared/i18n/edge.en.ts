// English messages for the edge: refusals of floods, crowded addresses and foreign pages;
// merged into en.ts.
import type { edgeZh } from './edge.zh.js';

export const edgeEn: Record<keyof typeof edgeZh, string> = {
  'error.rate-limited': 'Too many requests: try again in a moment',
  'error.too-many-connections': 'This network address has as many connections as it may: close other pages and try again',
  'error.origin-not-allowed': "Open this page from the contest's own address (other sites cannot connect)",
  'error.host-not-allowed': "Open this page at the contest's own address",
  'error.bad-request': 'Malformed request',
  'error.not-found': 'Nothing at this address',
  'error.too-large': 'File or request too large',
};
