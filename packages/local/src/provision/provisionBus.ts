import {
  CreateArchiveCommand,
  CreateEventBusCommand,
  DescribeArchiveCommand,
  DescribeEventBusCommand,
  type EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { BUS_RULES } from '../../../core/src/topology';
import { setQueuePolicy } from './ensureQueuePair';
import { ProvisionError } from './errors';
import { isAwsError } from './isAwsError';
import type { QueueResources } from './localResources';
import { queuePolicy } from './queuePolicy';

type RuleTarget = (typeof BUS_RULES)[number]['target'];

/** Inputs of {@link provisionBus}. */
interface BusSpec {
  eventBridge: EventBridgeClient;
  sqs: SQSClient;
  busName: string;
  archiveName: string;
  /** The queue behind each rule target named in core's BUS_RULES. */
  targets: Record<RuleTarget, QueueResources>;
}

const ensureBus = async (
  eventBridge: EventBridgeClient,
  name: string,
): Promise<string> => {
  try {
    await eventBridge.send(new CreateEventBusCommand({ Name: name }));
  } catch (error) {
    if (!isAwsError(error, 'ResourceAlreadyExistsException')) throw error;
  }
  const { Arn } = await eventBridge.send(
    new DescribeEventBusCommand({ Name: name }),
  );
  if (Arn === undefined) {
    throw new ProvisionError(`EventBridge returned no ARN for bus ${name}`, {
      context: { bus: name },
    });
  }

  return Arn;
};

const ensureArchive = async (
  eventBridge: EventBridgeClient,
  name: string,
  busArn: string,
): Promise<void> => {
  try {
    await eventBridge.send(new DescribeArchiveCommand({ ArchiveName: name }));
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
    // No pattern and no retention: the archive keeps every event of the
    // bus, indefinitely, for replay.
    await eventBridge.send(
      new CreateArchiveCommand({
        ArchiveName: name,
        EventSourceArn: busArn,
        Description: 'Every Passport event, for replay',
      }),
    );
  }
};

/**
 * Creates the Passport bus, its archive and every rule of core's BUS_RULES
 * with its queue as target, and lets EventBridge send to those queues.
 */
const provisionBus = async (
  spec: BusSpec,
): Promise<{ busArn: string; archiveName: string }> => {
  const { eventBridge, busName } = spec;
  const busArn = await ensureBus(eventBridge, busName);
  await ensureArchive(eventBridge, spec.archiveName, busArn);

  const rulesByTarget = new Map<RuleTarget, string[]>();
  for (const rule of BUS_RULES) {
    const queue = spec.targets[rule.target];
    const { RuleArn } = await eventBridge.send(
      new PutRuleCommand({
        Name: rule.name,
        EventBusName: busName,
        Description: rule.description,
        EventPattern: JSON.stringify(rule.pattern),
        State: 'ENABLED',
      }),
    );
    const targets = await eventBridge.send(
      new PutTargetsCommand({
        Rule: rule.name,
        EventBusName: busName,
        Targets: [{ Id: 'queue', Arn: queue.arn }],
      }),
    );
    if (RuleArn === undefined || (targets.FailedEntryCount ?? 0) > 0) {
      throw new ProvisionError(
        `Could not wire rule ${rule.name} on bus ${busName} to its queue`,
        { context: { rule: rule.name, bus: busName } },
      );
    }
    rulesByTarget.set(rule.target, [
      ...(rulesByTarget.get(rule.target) ?? []),
      RuleArn,
    ]);
  }

  for (const [target, ruleArns] of rulesByTarget) {
    const queue = spec.targets[target];
    await setQueuePolicy(
      spec.sqs,
      queue.url,
      queuePolicy(queue.arn, 'events.amazonaws.com', ruleArns),
    );
  }

  return { busArn, archiveName: spec.archiveName };
};

export type { BusSpec };
export { provisionBus };
