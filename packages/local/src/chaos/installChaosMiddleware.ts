import type { AwsClients } from '../emulator/createAwsClients';
import type { ChaosTally } from './chaosTally';
import { chaosStep } from './invocationChaos';
import type { NoticeSends } from './noticeSends';

/**
 * Commands whose message is sent twice, as SNS's at-least-once delivery
 * may. Bus events need no doubling: every redelivered request announces
 * its stored result again.
 */
const SENT_TWICE = new Set(['PublishCommand', 'PublishBatchCommand']);

interface MiddlewareContext {
  commandName?: string;
}

/** The part of a `SendRawEmail` call's arguments this module reads. */
interface RawEmailArgs {
  input?: { RawMessage?: { Data?: unknown } };
}

type Next = (args: unknown) => Promise<unknown>;

/** The part of an SDK v3 client this module uses. */
interface StackHolder {
  middlewareStack: {
    add(
      middleware: (next: Next, context: MiddlewareContext) => Next,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

const shortName = (command: string | undefined): string =>
  (command ?? 'unknown').replace(/Command$/, '');

/**
 * Adds the chaos middleware to the handlers' AWS clients: every call is a
 * step before and after which an invocation may be killed, and every SNS
 * publish is sent twice. Every email SES accepts is noted in `sends`.
 *
 * @param clients - the clients handed to the handlers only (the pollers
 *   and the summary keep their own)
 */
const installChaosMiddleware = (
  clients: Pick<AwsClients, 'sns' | 's3' | 'eventBridge' | 'ses'>,
  tally: ChaosTally,
  sends: NoticeSends,
): void => {
  const { sns, s3, eventBridge, ses } = clients;
  for (const [service, client] of Object.entries({
    sns,
    s3,
    eventBridge,
    ses,
  })) {
    (client as unknown as StackHolder).middlewareStack.add(
      (next, context) => async (args) => {
        const call = `${service}:${shortName(context.commandName)}`;
        chaosStep(`before ${call}`);
        const output = await next(args);
        if (context.commandName === 'SendRawEmailCommand') {
          sends.note((args as RawEmailArgs).input?.RawMessage?.Data);
        }
        if (SENT_TWICE.has(context.commandName ?? '')) {
          await next(args);
          tally.publishedTwice += 1;
        }
        chaosStep(`after ${call}`);

        return output;
      },
      { step: 'initialize', name: 'rovnChaos' },
    );
  }
};

export { installChaosMiddleware };
