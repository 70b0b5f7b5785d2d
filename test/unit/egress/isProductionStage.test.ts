import { describe, expect, it } from 'vitest';
import { isProductionStage } from '../../../packages/core/src/egress/isProductionStage';

describe('isProductionStage', () => {
  it.each(['prod', 'production', 'prod-us', ' PROD ', 'Production'])(
    'treats %j as production',
    (stage) => {
      expect(isProductionStage(stage)).toBe(true);
    },
  );

  it.each(['dev', 'staging', 'test', 'product', 'preprod', 'prodx', 'local'])(
    'treats %j as non-production',
    (stage) => {
      expect(isProductionStage(stage)).toBe(false);
    },
  );
});
