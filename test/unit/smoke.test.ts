import { describe, expect, it } from 'vitest';
import {
  SOURCES,
  visibilityTimeoutFor,
} from '../../packages/core/src/topology';

describe('topology', () => {
  it('gives every source queue at least six times its consumer timeout', () => {
    for (const source of Object.values(SOURCES)) {
      const visibility = visibilityTimeoutFor(source.adapter.timeoutSeconds);

      expect(visibility).toBeGreaterThanOrEqual(
        6 * source.adapter.timeoutSeconds,
      );
    }
  });
});
