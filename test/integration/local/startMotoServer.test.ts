import {
  CreateQueueCommand,
  ListQueuesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { awsClientConfig } from '../../../packages/local/src/emulator/awsClientConfig';
import { MotoNotInstalledError } from '../../../packages/local/src/emulator/errors';
import { resetMoto } from '../../../packages/local/src/emulator/resetMoto';
import { startMotoServer } from '../../../packages/local/src/emulator/startMotoServer';

describe('startMotoServer', () => {
  it('starts a server that answers, and reset wipes its state', async () => {
    const moto = await startMotoServer();
    const sqs = new SQSClient(awsClientConfig(moto.endpoint));

    try {
      await sqs.send(new CreateQueueCommand({ QueueName: 'reset-me' }));
      const before = await sqs.send(new ListQueuesCommand({}));
      await resetMoto(moto.endpoint);
      const after = await sqs.send(new ListQueuesCommand({}));

      expect(moto.endpoint).toBe(`http://127.0.0.1:${moto.port}`);
      expect(before.QueueUrls).toHaveLength(1);
      expect(after.QueueUrls ?? []).toHaveLength(0);
    } finally {
      sqs.destroy();
      await moto.stop();
    }
  });

  it('stops the server so the port no longer answers', async () => {
    const moto = await startMotoServer();

    await moto.stop();

    await expect(
      fetch(`${moto.endpoint}/moto-api/data.json`),
    ).rejects.toThrow();
  });

  it('says how to install moto when the command is missing', async () => {
    const act = startMotoServer({ command: 'moto-server-not-installed' });

    await expect(act).rejects.toBeInstanceOf(MotoNotInstalledError);
    await expect(act).rejects.toThrow(/pip install 'moto\[server\]'/);
  });

  it('reports the last output when the server exits at start', async () => {
    const act = startMotoServer({ command: 'false' });

    await expect(act).rejects.toThrow(/exited \(code 1/);
  });
});
