import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FEEDBACK_CATEGORIES } from '../../../shared/feedback/feedback-categories';
import { parseJsonColumn } from '../../db/json-column';
import type { TrainingExample } from './feedback-training';

/** The labelled data in the repository: the base set (training) and the held-out sets (judging only). */
export const TRAINING_DIR = fileURLToPath(new URL('./training/', import.meta.url));
export const HELD_OUT_DIR = join(TRAINING_DIR, 'held-out');
export const MODEL_FILE = fileURLToPath(new URL('./model/feedback-model.json', import.meta.url));

/** base-*.jsonl (one example a line) and base-*.json (an array): everything the model learns from. */
export function loadBaseSet(dir = TRAINING_DIR): TrainingExample[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith('base-'))
    .sort()
    .flatMap((f) => parseExamples(readFileSync(join(dir, f), 'utf8'), f));
}

/** Comments written after the training data and never trained or tuned on. */
export function loadHeldOutSet(dir = HELD_OUT_DIR): TrainingExample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => parseExamples(readFileSync(join(dir, f), 'utf8'), f));
}

const exampleSchema = z.object({
  text: z.string(),
  csat: z.number().int().min(1).max(5),
  nps: z.number().int().min(0).max(10).nullable().optional(),
  labels: z.array(z.enum(FEEDBACK_CATEGORIES)).min(1),
});

/** Each example checked: a mislabelled line fails loudly, naming the file and line. */
function parseExamples(text: string, file: string): TrainingExample[] {
  const rows = file.endsWith('.jsonl')
    ? text.split('\n').flatMap((line, i) => (line.trim() ? [parseJsonColumn(exampleSchema, line, `${file} line ${i + 1}`)] : []))
    : parseJsonColumn(z.array(exampleSchema), text, file);
  return rows.map((r) => ({ text: r.text, csat: r.csat, nps: r.nps ?? null, labels: r.labels }));
}
