/** Figures a feedback model is judged by (0–1). */
export interface FeedbackModelScores {
  macroF1: number;
  exactMatch: number;
  perCategory: Record<string, number>;
}

/** `GET /api/ops/feedback-model`. */
export interface FeedbackModelStatus {
  inUse: {
    trainedAt: number;
    examples: number;
    corrections: number;
    /** `shipped`: the model committed with the code; `retrained`: one staff retrained since. */
    source: 'shipped' | 'retrained';
    crossValidation: FeedbackModelScores;
    heldOut: FeedbackModelScores;
  } | null;
  /** Why no model is in use (feedback is then filed by the rules alone). */
  problem: string | null;
  /** Staff corrections a retrain would learn from now. */
  correctionsAvailable: number;
  retraining: boolean;
}

/** `POST /api/ops/feedback-model/retrain`. */
export interface RetrainResult {
  /** Whether the new model is in use now (it scored no worse on the held-out set). */
  adopted: boolean;
  examples: number;
  corrections: number;
  candidate: { crossValidation: FeedbackModelScores; heldOut: FeedbackModelScores };
  /** The model in use before, scored on the held-out set today. */
  previous: FeedbackModelScores | null;
}
