import { describe, expect, it } from 'vitest';
import { defaultFunctionProps } from '../../stacks/defaultFunctionProps';
import { StageSettingMissingError } from '../../stacks/errors';
import { SETTING_VARIABLES, stageSettings } from '../../stacks/stageSettings';

const settingsEnv = (
  overrides: Partial<Record<'from' | 'url', string>> = {},
): Record<string, string> => ({
  [SETTING_VARIABLES.sesFromAddress]:
    overrides.from ?? 'notices@passport.example.com',
  [SETTING_VARIABLES.appBaseUrl]:
    overrides.url ?? 'https://passport.example.com',
  [SETTING_VARIABLES.operatorEmail]: 'operators@passport.example.com',
});

describe('stageSettings', () => {
  it('reads the sender and app URL from the environment', () => {
    const env = settingsEnv();

    const settings = stageSettings('prod', env);

    expect(settings).toEqual({
      sesFromAddress: 'notices@passport.example.com',
      appBaseUrl: 'https://passport.example.com',
      operatorEmail: 'operators@passport.example.com',
    });
  });

  it('falls back to unreachable addresses on a non-production stage', () => {
    const settings = stageSettings('alice', {});

    expect(settings.sesFromAddress).toMatch(/\.invalid$/);
    expect(settings.appBaseUrl).toMatch(/^https:\/\/.*\.invalid$/);
  });

  it('refuses a production stage without its settings', () => {
    const act = () => stageSettings('production', {});

    expect(act).toThrow(StageSettingMissingError);
  });

  it('refuses an app URL that is not https', () => {
    const env = settingsEnv({ url: 'http://passport.example.com' });

    const act = () => stageSettings('dev', env);

    expect(act).toThrow(/ROVN_APP_BASE_URL/);
  });
});

describe('defaultFunctionProps', () => {
  it('runs Node 22 on arm64 with active tracing', () => {
    const props = defaultFunctionProps('dev');

    expect(props).toMatchObject({
      runtime: 'nodejs22.x',
      architecture: 'arm_64',
      tracing: 'active',
      nodejs: { minify: true },
    });
  });

  it('keeps production logs a year and other logs two weeks', () => {
    const retention = ['prod', 'dev'].map(
      (stage) => defaultFunctionProps(stage).logRetention,
    );

    expect(retention).toEqual(['one_year', 'two_weeks']);
  });
});
