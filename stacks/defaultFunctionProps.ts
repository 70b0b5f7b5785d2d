import type { FunctionProps } from 'sst/constructs';
import { isProductionStage } from '../packages/core/src/egress/isProductionStage';

/** Powertools service name shared by every function of the tier. */
const SERVICE_NAME = 'rovn-passport-workers';

/**
 * Props every function of the app starts from: Node 22 on arm64, active
 * tracing, minified bundles, and logs kept a year on production stages
 * (two weeks elsewhere, where logs hold only made-up people).
 *
 * @param stage - the SST stage
 */
const defaultFunctionProps = (stage: string): FunctionProps => ({
  runtime: 'nodejs22.x',
  architecture: 'arm_64',
  tracing: 'active',
  logRetention: isProductionStage(stage) ? 'one_year' : 'two_weeks',
  // `pg` names `pg-native` as an optional require; left in, SST would
  // `npm install` and compile it for the build machine, not for arm64.
  nodejs: { minify: true, esbuild: { external: ['pg-native'] } },
  environment: {
    POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
    ROVN_STAGE: stage,
  },
});

export { defaultFunctionProps, SERVICE_NAME };
