import { RovnError } from '../packages/core/src/errors';

/** The app was asked to deploy outside the home region. */
class RegionNotAllowedError extends RovnError {
  override readonly name = 'RegionNotAllowedError';
}

/** A per-stage setting the stacks need is missing at synth time. */
class StageSettingMissingError extends RovnError {
  override readonly name = 'StageSettingMissingError';
}

export { RegionNotAllowedError, StageSettingMissingError };
