import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEEDBACK_CATEGORIES } from '../../../shared/feedback/feedback-categories';
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

function parseExamples(text: string, file: string): TrainingExample[] {
  const rows: unknown[] = file.endsWith('.jsonl') ? text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)) : (JSON.parse(text) as unknown[]);
  return rows.map((row, i) => {
    const r = row as TrainingExample;
    if (typeof r.text !== 'string' || typeof r.csat !== 'number' || !Array.isArray(r.labels) || !r.labels.every((l) => (FEEDBACK_CATEGORIES as readonly string[]).includes(l))) {
      throw new Error(`${file}: example ${i + 1} is not {text, csat, labels} with known categories`);
    }
    return { text: r.text, csat: r.csat, nps: r.nps ?? null, labels: r.labels };
  });
}
