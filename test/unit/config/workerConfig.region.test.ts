import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  HOME_REGION,
  parseWorkerConfig,
} from '../../../packages/core/src';

const sweepEnv = (region: string | undefined) => ({
  ROVN_STAGE: 'dev',
  AWS_REGION: region,
  DATABASE_URL: 'postgres://localhost/passport',
  REQUESTS_TOPIC_ARN: 'arn:aws:sns:us-east-2:123456789012:dev-requests',
});

describe('parseWorkerConfig: home region', () => {
  it('starts in the home region', () => {
    const config = parseWorkerConfig('sweep', sweepEnv(HOME_REGION));

    expect(config.AWS_REGION).toBe(HOME_REGION);
  });

  it.each(['us-east-1', 'eu-west-1', undefined])(
    'refuses to start in region %s',
    (region) => {
      const act = () => parseWorkerConfig('sweep', sweepEnv(region));

      expect(act).toThrow(ConfigError);
      expect(act).toThrow(/AWS_REGION: the worker tier runs only in us-east-2/);
    },
  );
});
