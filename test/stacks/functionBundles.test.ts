import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS, SOURCES } from '../../packages/core/src/topology';
import { type StackTemplates, synthStacks } from '../helpers/synthStacks';

/**
 * The one stack test that builds the handlers: SST only sets the runtime
 * and the handler of a function once its bundle is built.
 */
describe('function bundles', () => {
  let stacks: StackTemplates;
  beforeAll(async () => {
    stacks = await synthStacks({ bundle: true });
  }, 300_000);

  it('builds every topology function as a Node 22 arm64 bundle', () => {
    const functions = Object.values(
      stacks.Workers.findResources('AWS::Lambda::Function'),
    ).filter((fn) => fn.Properties.Environment?.Variables?.ROVN_STAGE);

    const built = functions.map((fn) => ({
      runtime: fn.Properties.Runtime,
      architectures: fn.Properties.Architectures,
      fromAsset: typeof fn.Properties.Code.S3Key === 'string',
      handler: fn.Properties.Handler,
    }));

    expect(built).toHaveLength(
      Object.keys(FUNCTIONS).length + Object.keys(SOURCES).length,
    );
    for (const fn of built) {
      expect(fn).toEqual({
        runtime: 'nodejs22.x',
        architectures: ['arm64'],
        fromAsset: true,
        handler: expect.stringMatching(/\.handler$/),
      });
    }
  });
});
