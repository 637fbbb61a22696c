import type { FeedbackEvidence } from '../../../shared/api/feedback';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../../shared/feedback/feedback-categories';
import { POSITIVE_QUICK_TAGS, type QuickTag } from '../../../shared/feedback/quick-tags';
import { FEEDBACK_LEXICON } from './feedback-lexicon';

/**
 * Files a piece of feedback under the taxonomy: phrases of the comment (Chinese, English or
 * both in one sentence), the quick tags, and what the shipment's own record shows. Several
 * categories may fire, each with the evidence that made it. Pure: the same input gives the same
 * answer, so it is tested by tables and measured on a labelled set (tests/bench).
 */

/** What the shipment's record says, independent of what the customer wrote. */
export interface ShipmentFacts {
  /** An exception whose reason is physical damage (parcel_damaged, parcel_wet). */
  damagedException?: boolean;
  /** An exception for contents missing from the parcel. */
  contentsMissingException?: boolean;
  /** Arrived after its promised day (shared/tracking/lateness.ts). */
  late?: boolean;
  /** At least one failed delivery attempt before it was delivered. */
  failedAttempts?: number;
}

export interface FeedbackInput {
  comment: string;
  csat: number;
  nps?: number | null;
  tags?: readonly QuickTag[];
  facts?: ShipmentFacts;
}

export interface ClassifiedCategory {
  category: FeedbackCategory;
  evidence: FeedbackEvidence[];
}

/**
 * Facts speak for the customer only when they are unhappy: a parcel a day late that still got
 * five stars is not a complaint about lateness. At or below this CSAT a fact files a category.
 */
const FACTS_COUNT_AT_OR_BELOW_CSAT = 3;
/** Praise words in a one- or two-star review are mostly sarcasm or a courtesy before the complaint. */
const PRAISE_WORDS_COUNT_FROM_CSAT = 3;

const TAG_CATEGORY: Record<QuickTag, FeedbackCategory> = {
  fast_delivery: 'praise',
  friendly_courier: 'praise',
  well_packed: 'praise',
  arrived_late: 'delivery_late',
  damaged: 'damaged_in_transit',
  wrong_or_missing: 'wrong_item',
  rude_courier: 'courier_behaviour',
  left_wrong_place: 'wrong_place',
};

// Negators a customer puts before what did NOT happen. Words that merely start with a negator
// character but do not negate ("不但" but also, "没想到" unexpectedly, "不过" however) are blanked first.
const ZH_NEGATOR = /(没有|没|不|无|未|毫无|并非|从未)/;
const ZH_NOT_NEGATORS = /不但|不仅|不过|不管|不久|不少|没想到|不到|不得不|无论|不用说/g;
const EN_NEGATOR = /\b(not|no|never|without|nothing|none|hardly|barely|isn't|wasn't|weren't|aren't|didn't|don't|doesn't|hasn't|haven't|nor)\b|n't\b/;
const EN_NOT_NEGATORS = /\bnot only\b|\bno doubt\b|\bnot just\b/g;
/** How far before a phrase a negator still reaches: a few characters of Chinese, a few words of English. */
const ZH_NEGATION_WINDOW = 5;
const EN_NEGATION_WORDS = 3;

// A topic and its trouble often sit either side of a comma ("我买的是无糖的，寄来的是有糖的"):
// pairs are looked for within a sentence; negation stays within its clause.
const SENTENCE_BREAK = /[.;!?\n。；！？…]+/g;
// A negation does not reach across a clause: "没有破损，但是很慢" negates only the damage.
const CLAUSE_BREAK = /[,.;!?\n。，、；！？…~]+|\s(?:but|however|though|although|yet)\s|但是|但|不过|可是|然而|就是/g;

interface CompiledLexicon {
  /** Any phrase or pair topic at all: most comments touch one or two categories, and one test skips the rest. */
  any: RegExp;
  entries: RegExp[];
  unless: RegExp[];
  pairs: { topics: RegExp[]; cues: RegExp[]; deniedTopicIsCue: boolean } | null;
}

const compile = (p: string | RegExp) => new RegExp(typeof p === 'string' ? literal(p) : p.source, 'g');
const compiled = new Map<FeedbackCategory, CompiledLexicon>();
for (const category of FEEDBACK_CATEGORIES) {
  const lex = FEEDBACK_LEXICON[category];
  if (!lex) continue;
  const entries = lex.phrases.map(compile);
  const topics = lex.pairs?.topics.map(compile) ?? [];
  compiled.set(category, {
    any: new RegExp([...entries, ...topics].map((r) => `(?:${r.source})`).join('|')),
    entries,
    unless: (lex.unless ?? []).map((r) => new RegExp(r.source, 'g')),
    pairs: lex.pairs ? { topics, cues: lex.pairs.cues.map(compile), deniedTopicIsCue: lex.pairs.deniedTopicIsCue ?? false } : null,
  });
}

function literal(phrase: string): string {
  const escaped = phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // English words match whole: "late" must not fire inside "chocolate" or "translate".
  return /^[a-z0-9]/.test(phrase) ? `(?<![a-z0-9])${escaped}(?![a-z0-9])` : escaped;
}

// Customers from Hong Kong and Taiwan write traditional characters; the lexicon is simplified.
// The characters its phrases use, mapped one to one (not a general converter: enough to match).
const TRADITIONAL_TO_SIMPLIFIED = '發发錯错貨货遲迟壞坏損损裝装達达態态沒没無无說说簽签還还東东問问題题電电話话員员遞递門门開开關关們们這这麼么個个兩两條条紙纸邊边樣样與与質质價价錢钱購购買买賣卖單单禮礼務务謝谢請请讓让給给時时間间過过進进運运輸输轉转處处場场圖图實实際际顏颜碼码號号種种類类贈赠書书換换點点讚赞滿满準准麗丽氣气複复厲厉錶表傷伤擠挤爛烂濕湿灑洒撿捡帳帐慣惯壓压擊击戶户鄰邻櫃柜驛驿層层樓楼張张髒脏舊旧簡简確确認认聯联繫系絡络應应該该罵骂兇凶臉脸從从來来後后幾几週周緊紧業业線线網网資资訊讯顯显動动變变誤误頁页詳详雜杂聲声響响斷断燈灯纔才隻只廢废棄弃風风險险嚴严嗎吗貼贴護护寶宝紅红綠绿藍蓝黃黄測测試试緩缓衝冲膠胶鞋鞋個个';
const TO_SIMPLIFIED = new Map(Array.from({ length: TRADITIONAL_TO_SIMPLIFIED.length / 2 }, (_, i) => [TRADITIONAL_TO_SIMPLIFIED[2 * i]!, TRADITIONAL_TO_SIMPLIFIED[2 * i + 1]!]));

/** Lower case, full-width to half-width, curly quotes to straight, simplified characters: the form the lexicon is written in. */
export function normalizeFeedbackText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/[\u4e00-\u9fff]/g, (c) => TO_SIMPLIFIED.get(c) ?? c);
}

interface Span {
  start: number;
  end: number;
}

function spansBetween(text: string, breaks: RegExp): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(breaks)) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}

const clauseSpans = (text: string) => spansBetween(text, CLAUSE_BREAK);
const sentenceOf = (sentences: readonly Span[], at: number) => sentences.find((s) => at >= s.start && at <= s.end);

/** Is the phrase at [start, …) negated by what comes just before it in its clause? */
export function isNegatedAt(text: string, start: number, clauseStart: number): boolean {
  const before = text.slice(clauseStart, start);
  const zh = before.slice(-ZH_NEGATION_WINDOW).replace(ZH_NOT_NEGATORS, '  ');
  // Only Chinese characters count for the Chinese window: "no" in "kno" is not a negator.
  if (ZH_NEGATOR.test(zh.replace(/[a-z0-9' ]/g, ''))) return true;
  const words = before.replace(EN_NOT_NEGATORS, ' ').trim().split(/\s+/).slice(-EN_NEGATION_WORDS).join(' ');
  return EN_NEGATOR.test(words);
}

interface Found {
  text: string;
  start: number;
  clause: Span;
  negated: boolean;
}

/** Every match of the patterns outside the `blocked` spans, with its clause and whether a negator precedes it there. */
function matches(text: string, clauses: Span[], patterns: readonly RegExp[], blocked: readonly Span[]): Found[] {
  const found: Found[] = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (blocked.some((b) => start < b.end && end > b.start)) continue;
      const clause = clauses.find((c) => start >= c.start && start <= c.end) ?? { start: 0, end: text.length };
      // A phrase carrying its own "not" (没收到, never arrived) is looked at only before its start,
      // so "没有破损" cancels 破损 while 没收到 stands.
      found.push({ text: m[0], start, clause, negated: isNegatedAt(text, start, clause.start) });
    }
  }
  return found;
}

/** Phrases (and topic + cue pairs) of one category found in the text and not negated. */
function phraseHits(text: string, clauses: Span[], category: FeedbackCategory): string[] {
  const lex = compiled.get(category);
  if (!lex || !lex.any.test(text)) return [];
  const blocked: Span[] = [];
  for (const u of lex.unless) for (const m of text.matchAll(u)) blocked.push({ start: m.index, end: m.index + m[0].length });
  const hits: string[] = [];
  const hit = (evidence: string) => {
    if (!hits.includes(evidence)) hits.push(evidence);
  };
  for (const m of matches(text, clauses, lex.entries, blocked)) if (!m.negated) hit(m.text);
  if (lex.pairs && hits.length === 0) {
    const sentences = spansBetween(text, SENTENCE_BREAK);
    const topics = matches(text, clauses, lex.pairs.topics, blocked);
    const cues = matches(text, clauses, lex.pairs.cues, blocked).filter((c) => !c.negated);
    for (const topic of topics) {
      if (topic.negated) {
        if (lex.pairs.deniedTopicIsCue) hit(text.slice(topic.clause.start, topic.start + topic.text.length).trim());
        continue;
      }
      const sentence = sentenceOf(sentences, topic.start);
      const cue = cues.find((c) => sentenceOf(sentences, c.start) === sentence && c.start !== topic.start);
      if (cue) hit(`${topic.text} … ${cue.text}`);
    }
  }
  return hits;
}

export function classifyFeedback(input: FeedbackInput): ClassifiedCategory[] {
  const text = normalizeFeedbackText(input.comment);
  const clauses = clauseSpans(text);
  const found = new Map<FeedbackCategory, FeedbackEvidence[]>();
  const add = (category: FeedbackCategory, evidence: FeedbackEvidence) => {
    const list = found.get(category) ?? [];
    list.push(evidence);
    found.set(category, list);
  };

  for (const category of FEEDBACK_CATEGORIES) {
    if (category === 'praise' || category === 'other') continue;
    for (const phrase of phraseHits(text, clauses, category)) add(category, { kind: 'phrase', text: phrase });
  }
  const tags = input.tags ?? [];
  for (const tag of tags) {
    if (POSITIVE_QUICK_TAGS.includes(tag)) continue;
    // "Wrong or missing" is one button for two troubles: the comment says which, else wrong item.
    const category = tag === 'wrong_or_missing' && found.has('missing_item') && !found.has('wrong_item') ? 'missing_item' : TAG_CATEGORY[tag];
    add(category, { kind: 'tag', tag });
  }

  const facts = input.facts ?? {};
  const unhappy = input.csat <= FACTS_COUNT_AT_OR_BELOW_CSAT;
  const fact = (category: FeedbackCategory, evidence: FeedbackEvidence) => {
    if (unhappy || found.has(category)) add(category, evidence);
  };
  if (facts.damagedException) fact('damaged_in_transit', { kind: 'fact', fact: 'damaged_exception' });
  if (facts.contentsMissingException) fact('missing_item', { kind: 'fact', fact: 'missing_contents_exception' });
  if (facts.late) fact('delivery_late', { kind: 'fact', fact: 'late' });
  if (facts.failedAttempts) fact('failed_attempt', { kind: 'fact', fact: 'failed_attempt', detail: String(facts.failedAttempts) });

  const complaints = found.size > 0;
  if (input.csat >= PRAISE_WORDS_COUNT_FROM_CSAT) {
    for (const phrase of phraseHits(text, clauses, 'praise')) add('praise', { kind: 'phrase', text: phrase });
    for (const tag of tags) if (POSITIVE_QUICK_TAGS.includes(tag)) add('praise', { kind: 'tag', tag });
  }
  if (input.csat === 5 && !complaints && !found.has('praise')) add('praise', { kind: 'score', csat: input.csat });
  if (found.size === 0) add('other', { kind: 'none' });

  return FEEDBACK_CATEGORIES.filter((c) => found.has(c)).map((category) => ({ category, evidence: found.get(category)! }));
}
