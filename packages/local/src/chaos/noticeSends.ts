import { KILLED_BEFORE_DELETE } from './chaosDeliveryFaults';
import { currentChaos, type InvocationChaos } from './invocationChaos';

/** One email SES accepted while a chaos invocation ran. */
interface NoticeSend {
  noticeId: string;
  invocation: InvocationChaos;
}

/** The emails SES accepted from the chaos run's notifier invocations. */
interface NoticeSends {
  /** Notes one accepted email, by its raw message (`RawMessage.Data`). */
  note(rawMessage: unknown): void;
  /**
   * Per notice id, the emails SES accepted from invocations killed before
   * their handler returned: each may be sent once more by the notifier
   * that takes the notice over, since the dead one may not have marked it
   * sent.
   */
  byKilledInvocations(): Map<string, number>;
}

const HEADER = /^X-Rovn-Notice-Id:[ \t]*(\S+)/im;

/** The notice id a raw email carries in its `X-Rovn-Notice-Id` header. */
const noticeIdOf = (rawMessage: unknown): string | undefined => {
  const text =
    typeof rawMessage === 'string'
      ? rawMessage
      : rawMessage instanceof Uint8Array
        ? Buffer.from(rawMessage).toString('utf8')
        : '';
  const headers = text.split(/\r?\n\r?\n/, 1)[0] ?? '';

  return HEADER.exec(headers)?.[1];
};

/**
 * Keeps which invocation had each notice emailed, so the chaos check can
 * tell the known at-least-once window (a notifier killed after SES
 * accepted the email and before it marked the notice sent; the notice is
 * taken over and sent again) from a real double send.
 */
const createNoticeSends = (): NoticeSends => {
  const sends: NoticeSend[] = [];

  return {
    note: (rawMessage) => {
      const noticeId = noticeIdOf(rawMessage);
      const invocation = currentChaos();
      if (noticeId !== undefined && invocation !== undefined) {
        sends.push({ noticeId, invocation });
      }
    },
    byKilledInvocations: () => {
      const counts = new Map<string, number>();
      for (const { noticeId, invocation } of sends) {
        const { killedAt } = invocation;
        if (killedAt === null || killedAt === KILLED_BEFORE_DELETE) continue;
        counts.set(noticeId, (counts.get(noticeId) ?? 0) + 1);
      }

      return counts;
    },
  };
};

export type { NoticeSends };
export { createNoticeSends };
