import { describe, expect, it } from 'vitest';
import { egressOptionsFromEnv } from '../../../packages/core/src/egress/egressOptionsFromEnv';
import { ConfigError } from '../../../packages/core/src/errors';

describe('egressOptionsFromEnv', () => {
  it('gives no allowance when the variable is absent', () => {
    const options = egressOptionsFromEnv({ ROVN_STAGE: 'dev' });

    expect(options).toEqual({ stage: 'dev' });
  });

  it('treats an empty allowance as absent', () => {
    const options = egressOptionsFromEnv({
      ROVN_STAGE: 'prod',
      ROVN_EGRESS_LOCAL_ALLOWANCE: ' , ',
    });

    expect(options).toEqual({ stage: 'prod' });
  });

  it('reads a comma-separated allowance on a local stage', () => {
    const options = egressOptionsFromEnv({
      ROVN_STAGE: 'local',
      ROVN_EGRESS_LOCAL_ALLOWANCE: '127.0.0.1, localhost',
    });

    expect(options).toEqual({
      stage: 'local',
      localAllowance: {
        hosts: ['127.0.0.1', 'localhost'],
        allowHttp: true,
        allowLoopback: true,
      },
    });
  });

  it.each(['prod', 'production', 'prod-east'])(
    'refuses an allowance on stage %s',
    (stage) => {
      const act = () =>
        egressOptionsFromEnv({
          ROVN_STAGE: stage,
          ROVN_EGRESS_LOCAL_ALLOWANCE: '127.0.0.1',
        });

      expect(act).toThrow(ConfigError);
    },
  );

  it('names the missing stage setting', () => {
    const act = () => egressOptionsFromEnv({});

    expect(act).toThrow(/ROVN_STAGE/);
  });
});
