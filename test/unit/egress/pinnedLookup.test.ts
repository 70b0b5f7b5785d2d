import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { pinnedLookup } from '../../../packages/core/src/egress/pinnedLookup';

const CHECKED = [
  { address: '93.184.215.14', family: 4 as const },
  { address: '2606:2800:21f:cb07::1', family: 6 as const },
];

const lookupOnce = (
  hostname: string,
  all: boolean,
): Promise<{ error: unknown; address: string | LookupAddress[] }> =>
  new Promise((resolve) => {
    pinnedLookup('oig.hhs.gov', CHECKED)(
      hostname,
      { all },
      (error, address) => {
        resolve({ error, address });
      },
    );
  });

describe('pinnedLookup', () => {
  it('answers every checked address when asked for all', async () => {
    const { address } = await lookupOnce('oig.hhs.gov', true);

    expect(address).toEqual(CHECKED);
  });

  it('answers the first checked address otherwise', async () => {
    const { address } = await lookupOnce('oig.hhs.gov', false);

    expect(address).toBe('93.184.215.14');
  });

  it('refuses any other name instead of asking DNS', async () => {
    const { error } = await lookupOnce('evil.example', true);

    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });
});
