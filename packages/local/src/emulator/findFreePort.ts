import { createServer } from 'node:net';

/**
 * Asks the OS for a free loopback TCP port.
 *
 * Note: the port is released before the caller binds it, so another process
 * may take it in between; callers that spawn a server retry on
 * "address in use".
 */
const findFreePort = (host = '127.0.0.1'): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;

      server.close((error) => (error ? reject(error) : resolve(port)));
    });
  });

export { findFreePort };
