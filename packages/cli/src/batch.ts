/**
 * Running a job over many files: on worker threads (one per core by default) when there are enough files to pay
 * for starting them, otherwise in the main thread. Outcomes are delivered in input order, as soon as every
 * earlier file is done, so machine output streams in a stable order.
 */
import type { Worker } from "node:worker_threads";
import type { InputFile } from "./input/expand.js";
import { runTask, type Job } from "./tasks.js";
import type { WorkerAnswer, WorkerBatch } from "./worker.js";

/** Below this many files the main thread does the work: starting a worker costs about as much as 300 files. */
export const WORKER_THRESHOLD = 400;

/** Files per message to a worker. */
const BATCH_SIZE = 64;

/** Options of {@link runBatch}. */
export interface BatchOptions<O> {
  files: readonly InputFile[];
  job: Job;
  /** Largest number of worker threads; 1 means none. */
  jobs: number;
  /** Standard input's bytes, when `-` is among the files. */
  stdinBytes?: Uint8Array;
  /** Called once per file, in input order. */
  onOutcome: (file: InputFile, outcome: O, index: number) => void;
  /** Called as files complete (in any order). */
  onProgress?: (done: number) => void;
}

/** Where the worker bundle sits: beside this module in `dist/` (CommonJS, like the executable: it starts faster). */
function workerUrl(): URL {
  return new URL("./worker.cjs", import.meta.url);
}

/** Runs the job over every file. Resolves when all outcomes were delivered. */
export async function runBatch<O>(options: BatchOptions<O>): Promise<void> {
  const { files, job } = options;
  const useWorkers = options.jobs > 1 && files.length >= WORKER_THRESHOLD && !files.some((file) => file.path === "-");
  if (!useWorkers) {
    let yielded = Date.now();
    for (let index = 0; index < files.length; index++) {
      // Checking a file never waits on the event loop (a resolved promise is a microtask), so without this a long
      // batch in this thread would never let SIGINT/SIGTERM handlers run: they would fire only after the output
      // was committed. A macrotask every 50 ms lets them run within a second, at negligible cost.
      if (Date.now() - yielded > 50) {
        await new Promise((resolveTurn) => setImmediate(resolveTurn));
        yielded = Date.now();
      }
      const file = files[index]!;
      const outcome = (await runTask(job, file, file.path === "-" ? options.stdinBytes : undefined)) as O;
      options.onProgress?.(index + 1);
      options.onOutcome(file, outcome, index);
    }
    return;
  }
  await runOnWorkers(options, Math.min(options.jobs, Math.ceil(files.length / BATCH_SIZE)));
}

async function runOnWorkers<O>(options: BatchOptions<O>, workerCount: number): Promise<void> {
  const { files } = options;
  const batches: WorkerBatch[] = [];
  for (let start = 0, id = 0; start < files.length; start += BATCH_SIZE, id++) {
    batches.push({
      id,
      files: files.slice(start, start + BATCH_SIZE).map((file, offset) => ({ path: file.path, name: file.name, index: start + offset })),
    });
  }
  const pending = new Map<number, unknown>();
  let nextToDeliver = 0;
  let nextBatch = 0;
  let done = 0;
  const workers: Worker[] = [];
  // Loaded only for a batch big enough for threads: node:worker_threads costs start-up time.
  const { Worker } = process.getBuiltinModule("node:worker_threads");
  try {
    await new Promise<void>((resolve, reject) => {
      const deliver = () => {
        while (pending.has(nextToDeliver)) {
          const outcome = pending.get(nextToDeliver) as O;
          pending.delete(nextToDeliver);
          options.onOutcome(files[nextToDeliver]!, outcome, nextToDeliver);
          nextToDeliver++;
        }
        if (nextToDeliver === files.length) resolve();
      };
      const feed = (worker: Worker) => {
        if (nextBatch < batches.length) worker.postMessage(batches[nextBatch++]);
      };
      for (let count = 0; count < workerCount; count++) {
        const worker = new Worker(workerUrl(), { workerData: { job: options.job } });
        workers.push(worker);
        worker.on("message", (answer: WorkerAnswer) => {
          feed(worker);
          for (const { index, outcome } of answer.outcomes) pending.set(index, outcome);
          done += answer.outcomes.length;
          options.onProgress?.(done);
          try {
            deliver();
          } catch (error) {
            reject(error);
          }
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (code !== 0 && nextToDeliver < files.length) reject(new Error(`worker thread exited with code ${code}`));
        });
        // Two batches in flight per worker, so a worker never waits for the main thread.
        feed(worker);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
