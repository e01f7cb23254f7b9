// One request's limits: a huge answer is not read past its first 64 KiB, and an answer that drips forever ends at
// its time limit.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../../../../electron/core/balkanid/upload/httpExchange';
import { TransientFailure } from '../../../../electron/core/balkanid/upload/uploadErrors';
import { errorRejectedBy } from '../../../helpers/errorThrownBy';

let server: http.Server;
let origin: string;
let bytesSent = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    if (request.url === '/huge') {
      // Up to 256 MiB, a chunk at a time as fast as the client reads, until the client hangs up.
      let closed = false;
      response.on('close', () => (closed = true));
      const writeMore = () => {
        if (closed) return;
        if (bytesSent >= 256 * 1024 * 1024) return void response.end();
        bytesSent += chunk.length;
        if (response.write(chunk)) setImmediate(writeMore);
        else response.once('drain', writeMore);
      };
      return writeMore();
    }
    const drip = setInterval(() => response.write('x'), 50); // /drip: a byte now and then, never the end
    response.on('close', () => clearInterval(drip));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('exchange', () => {
  it('keeps the first 64 KiB of a huge answer and stops reading it', async () => {
    const answer = await exchange({
      method: 'POST',
      url: new URL(`${origin}/huge`),
      headers: { 'Content-Length': 0 },
      limits: { idleMs: 5000, answerMs: 5000 },
    });
    expect(answer.text.length).toBe(64 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bytesSent).toBeLessThan(32 * 1024 * 1024);
  });

  it('gives up on an answer that drips without end once its time limit passes', async () => {
    const startedAt = Date.now();
    const error = await errorRejectedBy(() =>
      exchange({
        method: 'POST',
        url: new URL(`${origin}/drip`),
        headers: { 'Content-Length': 0 },
        limits: { idleMs: 5000, answerMs: 400 },
      }),
    );
    expect(error).toBeInstanceOf(TransientFailure);
    expect(error.message).toMatch(/did not answer within 400 ms/);
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });
});
