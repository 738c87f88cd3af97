// The bundled question bank, the demo contest, and how the server picks its public address.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_BANK, loadBank } from '../../server/bank/bank.js';
import { readConfig } from '../../server/setup/config.js';
import { parseContestFile } from '../../server/setup/contest-file.js';
import { readContestFile } from '../../server/setup/demo.js';
import { drawContest } from '../../server/rooms/draw.js';
import { pickLanAddress, publicUrlFor } from '../../server/setup/network.js';

describe('bundled question bank', () => {
  const bank = loadBank(BUNDLED_BANK);

  it('holds at least 150 questions of every type, each with stem, answer and explanation, across the five eras and local history (Q6)', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(150);
    expect(new Set(bank.questions.map((q) => q.type))).toEqual(new Set(['open', 'single', 'multiple', 'true-false']));
    for (const q of bank.questions) {
      expect(q.stem.trim()).not.toBe('');
      if (q.type === 'open') expect(q.answer.trim()).not.toBe('');
      expect(q.explanation.trim()).not.toBe('');
    }
    expect(new Set(bank.questions.map((q) => q.category))).toEqual(new Set(['founding', 'revolution', 'construction', 'reform', 'new-era', 'local-hunan']));
  });

  it('the demo contest file is valid and draws all three round kinds from the bundled bank', () => {
    const parsed = parseContestFile(readContestFile());
    if (!parsed.ok) return expect.fail(parsed.issues.map((i) => i.zh).join('\n'));
    const drawn = drawContest(parsed.file, bank.questions, 'demo');
    if (!drawn.ok) return expect.fail(drawn.issues.map((i) => i.zh).join('\n'));
    const { seats, stages } = drawn.definition;
    expect(seats.map((s) => [s.name, s.kind, s.phones])).toEqual(
      ['第一代表队', '第二代表队', '第三代表队', '第四代表队', '第五代表队', '第六代表队'].map((n) => [n, 'team', 3]),
    );
    expect(stages[0].rounds.map((r) => [r.kind, r.questions.length])).toEqual([
      ['in-turn', 6],
      ['all-at-once', 3],
      ['buzz-in', 8],
    ]);
    expect(stages[0].rounds[1].questions.every((q) => q.type !== 'open')).toBe(true);
  });

  it('a bank with a bad question is refused with the field named', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bank-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'qiangda-bank', version: 1, title: 't', questions: [{ id: 'a', type: 'open', stem: '' }] }));
    expect(() => loadBank(file)).toThrow(/questions\.0\.stem: 第 1 题「题干」：没有填写题干/);
  });

  it('a bank with a duplicate id is refused', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bank-')), 'dup.json');
    const q = { id: 'a', type: 'open', category: 'reform', difficulty: 1, stem: 's', answer: 'a', explanation: 'e' };
    writeFileSync(file, JSON.stringify({ format: 'qiangda-bank', version: 1, title: 't', questions: [q, q] }));
    expect(() => loadBank(file)).toThrow(/questions\.1: 第 2 题与第 1 题完全相同 \(id a\)/);
  });
});

describe('public address', () => {
  const nic = (address: string, internal = false) => ({ address, internal, family: 'IPv4' as const, netmask: '', mac: '', cidr: null });

  it('prefers a private hall-network address over loopback and public ones', () => {
    expect(pickLanAddress({ lo: [nic('127.0.0.1', true)], eth0: [nic('203.0.113.5')], wlan0: [nic('192.168.1.23')] })).toBe('192.168.1.23');
    expect(pickLanAddress({ lo: [nic('127.0.0.1', true)] })).toBeNull();
  });

  it('uses the address given by hand when there is one', () => {
    expect(publicUrlFor(3000, 'https://contest.example.org/', '10.0.0.2')).toBe('https://contest.example.org');
    expect(publicUrlFor(3000, undefined, '10.0.0.2')).toBe('http://10.0.0.2:3000');
    expect(publicUrlFor(3000, undefined, null)).toBe('http://localhost:3000');
  });

  it('reads flags before environment variables and refuses a bad port', () => {
    expect(readConfig(['--port', '4000', '--public-url', 'http://x'], { PORT: '5000' })).toMatchObject({ port: 4000, publicUrl: 'http://x' });
    expect(readConfig([], { PORT: '5000', QIANGDA_DATA: '/d' })).toMatchObject({ port: 5000, dataDir: '/d', fresh: false });
    expect(() => readConfig(['--port', 'eighty'], {})).toThrow(/invalid port/);
  });
});
