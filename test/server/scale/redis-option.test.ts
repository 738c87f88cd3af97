// Issue 15, scale-out: `--redis URL` or QIANGDA_REDIS turns it on; without either, one process as before.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/setup/config.js';

describe('the --redis option', () => {
  it('is off unless given, read from the flag or the environment, the flag first', () => {
    expect(readConfig([], {}).redis).toBeUndefined();
    expect(readConfig(['--redis', 'redis://127.0.0.1:6379'], {}).redis).toBe('redis://127.0.0.1:6379');
    expect(readConfig([], { QIANGDA_REDIS: 'redis://10.0.0.2:6379' }).redis).toBe('redis://10.0.0.2:6379');
    expect(readConfig(['--redis', 'redis://a:1'], { QIANGDA_REDIS: 'redis://b:2' }).redis).toBe('redis://a:1');
  });
});
