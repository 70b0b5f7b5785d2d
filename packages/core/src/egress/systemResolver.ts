import { lookup } from 'node:dns/promises';
import type { ResolvedAddress, Resolver } from './types';

/**
 * Resolves with the operating system's resolver, returning every address
 * so that the guard can check all of them, not just the first.
 */
const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, order: 'verbatim' });

  return answers.map(
    (answer): ResolvedAddress => ({
      address: answer.address,
      family: answer.family === 6 ? 6 : 4,
    }),
  );
};

export { systemResolver };
