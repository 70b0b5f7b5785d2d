import { describe, expect, it } from 'vitest';
import { limitsFor } from '../../../packages/core/src/egress/limits';

describe('limitsFor', () => {
  it('gives NPPES 2 MiB and 10 s by default', () => {
    const limits = limitsFor('nppes');

    expect(limits).toEqual({ maxBytes: 2 * 1024 * 1024, timeoutMs: 10_000 });
  });

  it('gives the LEIE download 64 MiB and 120 s by default', () => {
    const limits = limitsFor('oig-leie');

    expect(limits).toEqual({ maxBytes: 64 * 1024 * 1024, timeoutMs: 120_000 });
  });

  it('applies a partial override to its source only', () => {
    const overrides = { nppes: { timeoutMs: 500 } };

    const [nppes, leie] = [
      limitsFor('nppes', overrides),
      limitsFor('oig-leie', overrides),
    ];

    expect([nppes.timeoutMs, nppes.maxBytes, leie.timeoutMs]).toEqual([
      500,
      2 * 1024 * 1024,
      120_000,
    ]);
  });
});
