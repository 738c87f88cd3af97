// The host console's download links for the record.
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../server/http/exports.js';
import { EXPORT_TABLES, exportLinks } from '../../web/host/export-links.js';

describe('export links', () => {
  it('name every table the server exports, with the key and the language', () => {
    expect([...EXPORT_TABLES]).toEqual([...TABLES]);
    const links = exportLinks('c 1', 'k&y', 'en');
    expect(links.xlsx).toBe('/api/contests/c%201/export.xlsx?key=k%26y&lang=en');
    expect(links.csv[3]).toEqual({ table: 'presses', href: '/api/contests/c%201/export/presses.csv?key=k%26y&lang=en' });
  });
});
