/**
 * Worker thread entry: receives batches of files, runs the job on each, posts the outcomes back in one message
 * per batch.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { InputFile } from "./input/expand.js";
import { runTask, type Job } from "./tasks.js";

/** A batch sent to a worker. */
export interface WorkerBatch {
  id: number;
  files: (InputFile & { index: number })[];
}

/** The answer to a batch. */
export interface WorkerAnswer {
  id: number;
  outcomes: { index: number; outcome: unknown }[];
}

const job = (workerData as { job: Job }).job;

parentPort?.on("message", (batch: WorkerBatch) => {
  void (async () => {
    const outcomes: WorkerAnswer["outcomes"] = [];
    for (const file of batch.files) outcomes.push({ index: file.index, outcome: await runTask(job, file) });
    parentPort!.postMessage({ id: batch.id, outcomes } satisfies WorkerAnswer);
  })();
});
