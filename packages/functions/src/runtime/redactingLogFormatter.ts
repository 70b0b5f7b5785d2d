import { LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type {
  LogAttributes,
  UnformattedAttributes,
} from '@aws-lambda-powertools/logger/types';
import { redactPhi } from '@rovn/core';

/**
 * Powertools' standard keys, with every extra attribute passed through
 * core's PHI redaction before it is written.
 */
class RedactingLogFormatter extends LogFormatter {
  override formatAttributes(
    attributes: UnformattedAttributes,
    additionalLogAttributes: LogAttributes,
  ): LogItem {
    const item = new LogItem({
      attributes: {
        level: attributes.logLevel,
        message: redactPhi(attributes.message) as string,
        timestamp: this.formatTimestamp(attributes.timestamp),
        service: attributes.serviceName,
        cold_start: attributes.lambdaContext?.coldStart,
        function_name: attributes.lambdaContext?.functionName,
        function_request_id: attributes.lambdaContext?.awsRequestId,
        xray_trace_id: attributes.xRayTraceId,
      },
    });
    item.addAttributes(redactPhi(additionalLogAttributes) as LogAttributes);

    return item;
  }
}

export { RedactingLogFormatter };
