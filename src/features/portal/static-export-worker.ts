/**
 * One worker thread of the static export (static-export.ts): it builds the application on its own
 * connection to the database, then writes the pages of each batch of addresses it is sent and
 * answers with what each gave (its file and the links to follow).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildApp } from '../../app.js';
import { openDatabase } from '../../db/database.js';
import { writePages, writerMemory, type ParentMessage, type WorkerMessage, type WorkerSetup } from './static-export.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);

const database = openDatabase(setup.database);
try {
  const clock = { now: () => new Date(Date.now() + setup.clockOffsetMs) };
  const app = await buildApp({ database, config: setup.config, clock }, { logger: false });
  const memory = writerMemory(setup.refresh);
  port.on('message', (message: ParentMessage) => {
    if (message.kind === 'close') {
      void app.close().finally(() => database.close()).finally(() => port.close());
      return;
    }
    writePages({ app, db: database.db }, setup.dir, message.urls, setup.base, memory).then(
      (results) => send({ kind: 'results', id: message.id, results }),
      (error: Error) => send({ kind: 'error', message: error.message, stack: error.stack }),
    );
  });
  send({ kind: 'ready' });
} catch (error) {
  await database.close().catch(() => undefined);
  const e = error as Error;
  send({ kind: 'error', message: e.message, stack: e.stack });
  port.close();
}
