import { CadenceError } from './errors';
import {
  CADENCE_POLICY,
  type CadencePolicy,
  type CredentialKind,
} from './policy';

/**
 * The policy for one source and credential kind: the source's own entry,
 * else the `'*'` entry of the kind.
 *
 * @throws CadenceError when neither exists, naming both, so a new source
 * fails in its first test instead of being verified on a guessed cadence.
 */
const cadencePolicyFor = (
  source: string,
  credential: CredentialKind,
  policies: readonly CadencePolicy[] = CADENCE_POLICY,
): CadencePolicy => {
  const own = policies.find(
    (p) => p.source === source && p.credential === credential,
  );
  const any = policies.find(
    (p) => p.source === '*' && p.credential === credential,
  );
  const policy = own ?? any;
  if (policy === undefined) {
    throw new CadenceError(
      `No cadence policy for source ${source} and credential kind ${credential}; add an entry to CADENCE_POLICY`,
      { context: { source, credential } },
    );
  }

  return policy;
};

export { cadencePolicyFor };
