/** The feedback classifier's precision, recall and F1 per category on the labelled set: target macro-F1 ≥ 0.85. */
export async function benchFeedbackClassifier(): Promise<void> {
  console.log('\nFeedback classifier: not measured yet');
}
