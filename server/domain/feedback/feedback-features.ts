import { classifyFeedback, normalizeFeedbackText, type ClassifiedCategory, type FeedbackInput } from './feedback-classifier';

/**
 * What the trained model sees of a piece of feedback: sparse binary features, named so a
 * model file can be read by a person.
 *
 * - `c:` Chinese character 1-, 2- and 3-grams: Chinese has no spaces, and 2–3 characters
 *   carry most meaning (破损, 没收到); grams survive typos and words no list named.
 * - `w:` words from Intl.Segmenter (Chinese words and English words alike) and `b:` English
 *   word pairs ("not working").
 * - `l:` letter 3- to 5-grams inside English words: "recieved", "delivary" still share most
 *   of theirs with the right spelling.
 * - `n:` a word within a few words after a negator in its clause ("not damaged" → n:damaged),
 *   so "no damage" and "damaged" are told apart.
 * - `csat:`/`nps:` the scores, and `rule:` each category the hand-written rules file, so the
 *   model learns how far to trust each.
 */
export function feedbackFeatures(input: Pick<FeedbackInput, 'comment' | 'csat' | 'nps'>, rules: readonly ClassifiedCategory[] = classifyFeedback({ comment: input.comment, csat: input.csat, nps: input.nps ?? null })): string[] {
  const text = normalizeFeedbackText(input.comment);
  const features = new Set<string>();
  features.add(`csat:${input.csat}`);
  if (input.nps !== null && input.nps !== undefined) features.add(`nps:${npsBand(input.nps)}`);
  if (text.trim().length <= 4) features.add('short');

  for (const run of text.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= run.length; i++) features.add(`c:${run.slice(i, i + n)}`);
  }
  for (const clause of text.split(CLAUSE_BREAK)) {
    const words = segmentWords(clause);
    let negatedFor = 0;
    let previous: string | null = null;
    for (const word of words) {
      features.add(`w:${word}`);
      if (/^[a-z']+$/.test(word)) {
        if (previous) features.add(`b:${previous} ${word}`);
        previous = word;
        const padded = `<${word}>`;
        for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) features.add(`l:${padded.slice(i, i + n)}`);
      } else {
        previous = null;
      }
      if (negatedFor > 0) {
        features.add(`n:${word}`);
        negatedFor--;
      }
      if (NEGATORS.has(word)) negatedFor = NEGATION_REACH;
    }
  }
  for (const found of rules) {
    if (found.evidence.some((e) => e.kind === 'phrase')) features.add(`rule:${found.category}`);
  }
  return [...features];
}

const NEGATION_REACH = 3;
const NEGATORS = new Set(['not', 'no', 'never', 'without', "didn't", "don't", "doesn't", "wasn't", "isn't", "weren't", "hasn't", "haven't", 'nothing', '没', '没有', '不', '无', '未', '并没有', '从没', '毫无']);
const CLAUSE_BREAK = /[,.;!?\n。，、；！？…~]+|\bbut\b|但是|不过|可是|就是/;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function segmentWords(clause: string): string[] {
  const words: string[] = [];
  for (const s of segmenter.segment(clause)) if (s.isWordLike) words.push(s.segment);
  return words;
}

const npsBand = (nps: number) => (nps <= 6 ? 'detractor' : nps <= 8 ? 'passive' : 'promoter');
