import { describe, expect, it } from 'vitest';
import { localNames } from '../../../packages/local/src/provision/localNames';

describe('localNames', () => {
  it('uses the topology names bare without a prefix', () => {
    const names = localNames();

    expect(names.sourceQueues.nppes).toEqual({
      queue: 'verify-nppes',
      dlq: 'verify-nppes-dlq',
    });
    expect(names.topic).toBe('verification-requests');
    expect(names.configurationSet).toBe('passport');
  });

  it('prefixes every resource but the SES identities', () => {
    const names = localNames('t1');

    expect(names.sourceQueues['oig-leie'].queue).toBe('t1-verify-oig-leie');
    expect(names.bucket).toBe('t1-source-receipts');
    expect(names.keyAlias).toBe('alias/t1-source-receipts');
    expect(names.sesFrom).toBe('passport-notices@rovn.example');
  });

  it.each(['', 'Upper', 'under_score', '-lead', 'x'.repeat(33)])(
    'refuses the prefix "%s"',
    (prefix) => {
      const act = () => localNames(prefix);

      expect(act).toThrow(/is invalid/);
    },
  );
});
