import { describe, expect, it } from 'vitest';
import {
  ALLOW_LIST,
  activeAllowList,
  allowedHosts,
  hostsForSource,
} from '../../../packages/core/src/egress/allowList';
import { DEFAULT_EGRESS_LIMITS } from '../../../packages/core/src/egress/limits';
import { SOURCE_IDS } from '../../../packages/core/src/topology/sources';

describe('allowList', () => {
  it('lists the hosts of active sources only', () => {
    const hosts = allowedHosts();

    expect(hosts.sort()).toEqual([
      'api.nursys.com',
      'api.sam.gov',
      'ksbn.kansas.gov',
      'npiregistry.cms.hhs.gov',
      'oig.hhs.gov',
    ]);
  });

  it('enforces the SAM.gov host once sam is an active source', () => {
    const samHosts = hostsForSource('sam');

    expect([samHosts, allowedHosts().includes('api.sam.gov')]).toEqual([
      ['api.sam.gov'],
      true,
    ]);
  });

  it('declares exact lower-case names on port 443 without wildcards', () => {
    const entries = Object.values(ALLOW_LIST).flat();

    for (const entry of entries) {
      expect(entry).toMatchObject({ port: 443, includeSubdomains: false });
      expect(entry.host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });

  it('ties every active entry to its source', () => {
    const owners = activeAllowList().map(({ host, source }) => [host, source]);

    expect(owners).toEqual([
      ['npiregistry.cms.hhs.gov', 'nppes'],
      ['oig.hhs.gov', 'oig-leie'],
      ['api.sam.gov', 'sam'],
      ['api.nursys.com', 'nursys'],
      ['ksbn.kansas.gov', 'board-ks'],
    ]);
  });

  it('gives every allow-listed source default limits', () => {
    const withLimits = Object.keys(DEFAULT_EGRESS_LIMITS).sort();

    expect(withLimits).toEqual(Object.keys(ALLOW_LIST).sort());
    expect(SOURCE_IDS.every((id) => id in DEFAULT_EGRESS_LIMITS)).toBe(true);
  });
});
