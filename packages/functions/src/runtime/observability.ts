import { Logger } from '@aws-lambda-powertools/logger';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { RedactingLogFormatter } from './redactingLogFormatter';

/** The logger every handler writes through; PHI is redacted on write. */
const createLogger = (serviceName: string): Logger =>
  new Logger({ serviceName, logFormatter: new RedactingLogFormatter() });

/**
 * The tracer. Responses and errors are not captured as metadata: they can
 * hold source bodies with PHI.
 */
const createTracer = (serviceName: string): Tracer =>
  new Tracer({ serviceName, captureHTTPsRequests: false });

export { createLogger, createTracer };
