import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A port nothing listens on: taken, then given back, so that a connection to it is refused.
 *
 * @returns The port on 127.0.0.1.
 */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
