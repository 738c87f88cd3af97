// The bundled question bank, the demo contest, and how the server picks its public address.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_BANK, loadBank } from '../../server/bank.js';
import { readConfig } from '../../server/config.js';
import { DEMO_QUESTION_COUNT, DEMO_SEATS, demoContest } from '../../server/demo.js';
import { pickLanAddress, publicUrlFor } from '../../server/network.js';

describe('bundled question bank', () => {
  const bank = loadBank(BUNDLED_BANK);

  it('holds at least 30 questions, each with stem, answer and explanation, across the five eras', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(30);
    for (const q of bank.questions) {
      expect(q.stem.trim()).not.toBe('');
      expect(q.answer.trim()).not.toBe('');
      expect(q.explanation.trim()).not.toBe('');
    }
    expect(new Set(bank.questions.map((q) => q.category))).toEqual(new Set(['founding', 'revolution', 'construction', 'reform', 'new-era']));
  });

  it('the demo contest has six seats and a spread of questions from every era', () => {
    const demo = demoContest(bank);
    expect(demo.seats.map((s) => s.name)).toEqual(DEMO_SEATS);
    expect(demo.questions).toHaveLength(DEMO_QUESTION_COUNT);
    expect(new Set(demo.questions.map((q) => q.category)).size).toBe(5);
  });

  it('a bank with a bad question is refused with the field named', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bank-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'qiangda-bank', version: 1, title: 't', questions: [{ id: 'a', type: 'open', stem: '' }] }));
    expect(() => loadBank(file)).toThrow(/questions\.0\.stem/);
  });

  it('a bank with a duplicate id is refused', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bank-')), 'dup.json');
    const q = { id: 'a', type: 'open', category: 'reform', difficulty: 1, stem: 's', answer: 'a', explanation: 'e' };
    writeFileSync(file, JSON.stringify({ format: 'qiangda-bank', version: 1, title: 't', questions: [q, q] }));
    expect(() => loadBank(file)).toThrow(/duplicate id a/);
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
