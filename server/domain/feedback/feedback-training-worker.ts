import { parentPort, workerData } from 'node:worker_threads';
import { trainFeedbackModel, type TrainingExample } from './feedback-training';

// Training runs here, off the server's event loop: a few seconds of arithmetic would otherwise
// hold up every request meanwhile.
const { examples, heldOut, context } = workerData as { examples: TrainingExample[]; heldOut: TrainingExample[]; context: { now: number; corrections: number } };
parentPort!.postMessage(trainFeedbackModel(examples, heldOut, context));
