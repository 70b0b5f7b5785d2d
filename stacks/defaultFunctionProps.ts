import type { FunctionProps } from 'sst/constructs';
import { isProductionStage } from '../packages/core/src/egress/isProductionStage';
import { LAMBDA_BUNDLING } from './lambdaBundling';

/** Powertools service name shared by every function of the tier. */
const SERVICE_NAME = 'rovn-passport-workers';

/**
 * Tracing settings Powertools reads at start-up, on top of what the code
 * passes: no outgoing HTTP subsegments (their URLs would carry query
 * strings with identifiers), and no responses or error messages as trace
 * metadata (they can hold source bodies). AWS SDK calls are still traced;
 * Lambda samples traces at its default rate.
 */
const TRACER_PRIVACY = {
  POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS: 'false',
  POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
  POWERTOOLS_TRACER_CAPTURE_ERROR: 'false',
} as const;

/**
 * Props every function of the app starts from: Node 22 on arm64, active
 * tracing, minified ESM bundles (see `LAMBDA_BUNDLING`), and logs kept a
 * year on production stages (two weeks elsewhere, where logs hold only
 * made-up people).
 *
 * @param stage - the SST stage
 */
const defaultFunctionProps = (stage: string): FunctionProps => ({
  runtime: 'nodejs22.x',
  architecture: 'arm_64',
  tracing: 'active',
  logRetention: isProductionStage(stage) ? 'one_year' : 'two_weeks',
  nodejs: {
    ...LAMBDA_BUNDLING,
    esbuild: {
      ...LAMBDA_BUNDLING.esbuild,
      external: [...LAMBDA_BUNDLING.esbuild.external],
    },
  },
  environment: {
    POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
    ROVN_STAGE: stage,
    ...TRACER_PRIVACY,
  },
});

export { defaultFunctionProps, SERVICE_NAME, TRACER_PRIVACY };
