import { HOME_REGION } from '../packages/core/src/topology';
import { RegionNotAllowedError } from './errors';

/**
 * Refuses any region but the home region, so PHI never leaves it.
 *
 * @param region - the region the app is about to synthesize for
 */
const assertHomeRegion = (region: string | undefined): void => {
  if (region === HOME_REGION) {
    return;
  }

  throw new RegionNotAllowedError(
    `Region "${region ?? '(unset)'}" is not allowed: Passport data must stay in ${HOME_REGION}; deploy with --region ${HOME_REGION}`,
    { context: { region: region ?? '', homeRegion: HOME_REGION } },
  );
};

export { assertHomeRegion };
