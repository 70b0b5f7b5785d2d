import { App } from 'sst/constructs';
import { initProject } from 'sst/project.js';
import { describe, expect, it } from 'vitest';
import { HOME_REGION } from '../../packages/core/src/topology';
import config from '../../sst.config';
import { RegionNotAllowedError } from '../../stacks/errors';
import { synthesizeOffline } from '../../stacks/synthesizeOffline';

describe('sst.config', () => {
  it('pins the app to the home region', async () => {
    const result = await config.config({ stage: 'test' });

    expect(result.region).toBe(HOME_REGION);
  });

  it('refuses a region other than the home region on the command line', () => {
    const act = () => config.config({ stage: 'test', region: 'eu-west-1' });

    expect(act).toThrow(RegionNotAllowedError);
  });

  it('refuses to synthesize in a region other than the home region', async () => {
    const act = synthesizeOffline({
      stage: 'test',
      region: 'us-west-2',
      bundle: false,
    });

    await expect(act).rejects.toThrow(/not allowed.*us-east-2/);
  });

  it('refuses to add stacks to an app outside the home region', async () => {
    await initProject({ stage: 'test', region: HOME_REGION });
    const app = new App({
      mode: 'deploy',
      stage: 'test',
      region: 'eu-central-1',
      account: '123456789012',
    });

    const act = () => config.stacks(app);

    expect(act).toThrow(RegionNotAllowedError);
  });
});
