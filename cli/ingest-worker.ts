/**
 * Worker thread of ingest-pool.ts: reads the files it is sent, one message per file, and answers
 * with each file's contribution (and the whole input when asked). Bundled as dist/cli/ingest-worker.js.
 */
import './v8-tuning';
import { parentPort, workerData } from 'node:worker_threads';
import { ingestItem, type WorkerJob, type WorkerReply, type WorkerSetup } from './ingest-pool';

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port) {
  port.on('message', (job: WorkerJob) => {
    const reply: WorkerReply = { index: job.index, ...ingestItem(job.path, setup) };
    port.postMessage(reply);
  });
}
