import { parentPort } from 'node:worker_threads';
import { HistoryJob, type HistoryRequest } from './historyJob';

/** Entry of a history worker thread (see HistoryWorkers): answers each request in order. */
const port = parentPort;
if (!port) throw new Error('historyWorker runs only as a worker thread');
const job = new HistoryJob();
port.on('message', (request: HistoryRequest) => port.postMessage(job.handle(request)));
