import { describe, expect, it } from 'vitest';
import {
  EGRESS_RULES,
  EgressRefusedError,
  egressErrorFor,
} from '../../../packages/core/src/egress/errors';
import { RovnError } from '../../../packages/core/src/errors';

const TRANSIENT = ['resolution_failed', 'timeout', 'connection_failed'];

describe('egressErrorFor', () => {
  it.each(EGRESS_RULES)('builds a typed error for rule %s', (rule) => {
    const error = egressErrorFor({
      rule,
      host: 'evil.example',
      source: 'nppes',
    });

    expect(error).toBeInstanceOf(EgressRefusedError);
    expect(error).toBeInstanceOf(RovnError);
    expect({ rule: error.rule, retryable: error.retryable }).toEqual({
      rule,
      retryable: TRANSIENT.includes(rule),
    });
  });

  it('names the rule, the host and the source in the message', () => {
    const error = egressErrorFor({
      rule: 'host_not_for_source',
      host: 'oig.hhs.gov',
      source: 'nppes',
    });

    expect(error.message).toMatch(
      /host_not_for_source.*oig\.hhs\.gov.*source nppes/,
    );
  });

  it('carries identifiers in its context for structured logs', () => {
    const error = egressErrorFor({ rule: 'timeout', host: 'oig.hhs.gov' });

    expect(error.context).toEqual({
      rule: 'timeout',
      host: 'oig.hhs.gov',
      retryable: true,
    });
  });
});
