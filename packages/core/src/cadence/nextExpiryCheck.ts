import { CadenceError } from './errors';
import { DAY } from './policy';

/**
 * Expiry checks run at 12:00 UTC: at that instant every US state and
 * territory is on the same calendar date, so "30 days before" means the
 * same day for the credential wherever it was issued.
 */
const CHECK_HOUR_UTC = 12;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The first expiry check after `now`, or null when none is left.
 *
 * @param expiresOn - the credential's expiry date, `YYYY-MM-DD`
 * @param daysBefore - days before expiry (0 = the day, negative = after)
 * @param now - the moment the next check is computed at
 */
const nextExpiryCheck = (
  expiresOn: string,
  daysBefore: readonly number[],
  now: Date,
): Date | null => {
  const match = ISO_DATE.exec(expiresOn);
  if (match === null) {
    throw new CadenceError(
      'Credential expiry date is not YYYY-MM-DD; expiry checks cannot be planned',
    );
  }
  const [, year, month, day] = match.map(Number);
  const expiryNoon = Date.UTC(
    year ?? 0,
    (month ?? 1) - 1,
    day ?? 1,
    CHECK_HOUR_UTC,
  );

  const upcoming = daysBefore
    .map((days) => expiryNoon - days * DAY)
    .filter((at) => at > now.getTime());
  if (upcoming.length === 0) return null;

  return new Date(Math.min(...upcoming));
};

export { CHECK_HOUR_UTC, nextExpiryCheck };
