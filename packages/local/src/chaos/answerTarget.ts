import { NURSYS_PATHS } from '../simulator/respondNursys';

/**
 * What one simulated source request asked for: its route, with the three
 * Nursys calls told apart (a lookup's submit, its polls, the notification
 * lookup), since only a poll's answer holds a nurse's licenses.
 *
 * @param route - the simulator's route (`nppes`, `leie`, `sam`, `nursys`,
 *   `board`)
 * @param key - the request key the simulator logs (path and query)
 */
const answerTarget = (route: string, key: string): string => {
  if (route !== 'nursys') return route;
  const url = new URL(key, 'http://simulator');
  if (url.pathname === NURSYS_PATHS.notificationLookup) {
    return 'nursys-notifications';
  }

  return url.searchParams.has('transactionId')
    ? 'nursys-poll'
    : 'nursys-submit';
};

export { answerTarget };
