import { isProductionStage } from '../packages/core/src/egress/isProductionStage';
import { StageSettingMissingError } from './errors';

/** Per-stage values that operators choose and the stacks pass on. */
interface StageSettings {
  /** Verified SES identity the notifier sends from. */
  sesFromAddress: string;
  /** Base URL of the Passport web app, used for links in emails. */
  appBaseUrl: string;
  /** Operators' mailbox: source outages and unreachable facilities. */
  operatorEmail: string;
}

/** Synth-time variables (SST also loads them from `.env.<stage>`). */
const SETTING_VARIABLES = {
  sesFromAddress: 'ROVN_SES_FROM_ADDRESS',
  appBaseUrl: 'ROVN_APP_BASE_URL',
  operatorEmail: 'ROVN_OPERATOR_EMAIL',
} as const satisfies Record<keyof StageSettings, string>;

const isEmailAddress = (value: string): boolean =>
  /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);

const isHttpsUrl = (value: string): boolean =>
  URL.canParse(value) && new URL(value).protocol === 'https:';

/**
 * Reads the stage settings from the synth environment.
 *
 * A production stage must set both variables. Other stages fall back to
 * addresses under the reserved `.invalid` domain, which no mail or browser
 * can reach, so a forgotten setting is visible instead of mailing someone.
 *
 * @param stage - the SST stage
 * @param env - the environment to read, `process.env` by default
 */
const stageSettings = (
  stage: string,
  env: Record<string, string | undefined> = process.env,
): StageSettings => {
  const fallback: StageSettings = {
    sesFromAddress: `notifications@${stage}.passport.invalid`,
    appBaseUrl: `https://${stage}.passport.invalid`,
    operatorEmail: `operators@${stage}.passport.invalid`,
  };
  const settings: StageSettings = {
    sesFromAddress:
      env[SETTING_VARIABLES.sesFromAddress]?.trim() || fallback.sesFromAddress,
    appBaseUrl:
      env[SETTING_VARIABLES.appBaseUrl]?.trim() || fallback.appBaseUrl,
    operatorEmail:
      env[SETTING_VARIABLES.operatorEmail]?.trim() || fallback.operatorEmail,
  };

  const invalid = [
    ...(isEmailAddress(settings.sesFromAddress) ? [] : ['sesFromAddress']),
    ...(isHttpsUrl(settings.appBaseUrl) ? [] : ['appBaseUrl']),
    ...(isEmailAddress(settings.operatorEmail) ? [] : ['operatorEmail']),
    ...(isProductionStage(stage)
      ? (['sesFromAddress', 'appBaseUrl', 'operatorEmail'] as const).filter(
          (key) => settings[key] === fallback[key],
        )
      : []),
  ] as (keyof StageSettings)[];
  const first = invalid[0];
  if (first !== undefined) {
    const variable = SETTING_VARIABLES[first];
    throw new StageSettingMissingError(
      `Stage "${stage}" needs ${variable} (email addresses for the sender and the operators, an https URL for the app); set it in .env.${stage} or the environment`,
      { context: { stage, setting: variable } },
    );
  }

  return settings;
};

export type { StageSettings };
export { SETTING_VARIABLES, stageSettings };
