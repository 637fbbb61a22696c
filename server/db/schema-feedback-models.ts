import type { Generated } from 'kysely';

/** Feedback models staff retrained (migration 97); the newest is the one in use. */
export interface FeedbackModelTable {
  id: Generated<number>;
  created_at: number;
  staff_id: number | null;
  examples: number;
  corrections: number;
  held_out_macro_f1: number;
  /** The model file's JSON. */
  body: string;
}

export interface FeedbackModelTables {
  feedback_models: FeedbackModelTable;
}
