import { describe, expect, it } from 'vitest';
import { classifyFeedback, type FeedbackInput } from '../../server/domain/feedback/feedback-classifier';

const categories = (input: Partial<FeedbackInput> & { comment: string }) => classifyFeedback({ csat: 2, ...input }).map((c) => c.category);

describe('classifyFeedback: phrases in Chinese and English', () => {
  it.each([
    ['外箱压扁了，杯子碎了', ['damaged_in_transit']],
    ['The vase arrived smashed.', ['damaged_in_transit']],
    ['等了整整十天才到', ['delivery_late']],
    ['Took two weeks, way too slow', ['delivery_late']],
    ['显示已签收，但是我根本没收到', ['not_received']],
    ['Marked as delivered but it never arrived', ['not_received']],
    ['快递员说家里没人，我明明在家', ['failed_attempt']],
    ['送错楼了', ['wrong_place']],
    ['快递员态度很差，还骂人', ['courier_behaviour']],
    ['用了两天就坏了', ['defective']],
    ['发错货了，我要的是黑色', ['wrong_item']],
    ['买了三件只收到两件', ['missing_item']],
    ['与描述不符，材质不是棉的', ['not_as_described']],
    ['No bubble wrap at all, just a bag', ['packaging']],
    ['物流信息好几天不更新', ['tracking_not_updating']],
    ['Still waiting for my refund', ['refund_trouble']],
  ])('%s → %j', (comment, expected) => {
    expect(categories({ comment })).toEqual(expected);
  });
});

describe('classifyFeedback: negation is not the thing itself', () => {
  it.each([
    ['没有破损', 4, ['other']],
    ['没有任何破损，包装严实', 5, ['praise']],
    ['完好无损', 5, ['praise']],
    ['not damaged at all', 4, ['other']],
    ['No damage, arrived quickly', 5, ['praise']],
    ['Nothing was broken', 4, ['other']],
    ['不是很慢', 4, ['other']],
    ['一点都不慢，比预计还早到', 5, ['praise']],
    ["wasn't late", 4, ['other']],
    ['没有发错', 4, ['other']],
    ['不太满意', 3, ['other']],
    ['not happy', 3, ['other']],
  ])('%s (CSAT %i) → %j', (comment, csat, expected) => {
    expect(categories({ comment, csat })).toEqual(expected);
  });

  it('a negation reaches only its own clause', () => {
    expect(categories({ comment: '没有破损，但是太慢了', csat: 2 })).toEqual(['delivery_late']);
    expect(categories({ comment: 'Not damaged, but it came late', csat: 2 })).toEqual(['delivery_late']);
  });

  it('words that begin with a negator but do not negate leave the phrase standing', () => {
    expect(categories({ comment: '不但送得慢，还压坏了', csat: 1 })).toEqual(['delivery_late', 'damaged_in_transit']);
    expect(categories({ comment: '包裹被别人冒领了', csat: 1 })).toEqual(['not_received']);
    expect(categories({ comment: 'Not only was it late, it was crushed', csat: 1 })).toEqual(['delivery_late', 'damaged_in_transit']);
  });

  it('"not received" about a refund is refund trouble, not a lost parcel', () => {
    expect(categories({ comment: '还没收到退款', csat: 1 })).toEqual(['refund_trouble']);
    expect(categories({ comment: "Haven't received my refund", csat: 1 })).toEqual(['refund_trouble']);
  });
});

describe('classifyFeedback: mixed languages and several categories', () => {
  it.each([
    ['It arrived late and the box was crushed 包装太简陋', ['delivery_late', 'damaged_in_transit', 'packaging']],
    ['快递员 was rude and 还发错了颜色', ['courier_behaviour', 'wrong_item']],
    ['Super fast! 包装也很好', ['praise']],
  ])('%s → %j', (comment, expected) => {
    const csat = expected.includes('praise') ? 5 : 1;
    expect(categories({ comment, csat })).toEqual(expected);
  });

  it.each([
    ['發錯貨了，我買的是黑色', ['wrong_item']],
    ['盒子壓壞了', ['damaged_in_transit']],
  ])('reads traditional characters: %s → %j', (comment, expected) => {
    expect(categories({ comment, csat: 1 })).toEqual(expected);
  });

  it.each([
    ['物流信息三天没变了', ['tracking_not_updating'], '物流 … 没变'],
    ['I returned it a month ago and I\'m still waiting for the money.', ['refund_trouble'], 'returned … still'],
    ['No instruction manual in the box.', ['missing_item'], 'no instruction manual'],
    ['赠品一直没给', ['missing_item'], '赠品 … 没给'],
  ])('a topic and a sign of trouble in one clause: %s → %j', (comment, expected, evidence) => {
    const result = classifyFeedback({ comment, csat: 2 });
    expect(result.map((c) => c.category)).toEqual(expected);
    expect(result[0]!.evidence).toContainEqual({ kind: 'phrase', text: evidence });
  });

  it('a topic with no trouble in its clause is nothing', () => {
    expect(categories({ comment: '物流信息更新得很及时', csat: 3 })).toEqual(['praise']);
    expect(categories({ comment: '电池没有问题', csat: 4 })).toEqual(['other']);
  });

  it('names the phrase that fired as evidence', () => {
    const result = classifyFeedback({ comment: '屏幕碎了', csat: 1 });
    expect(result).toEqual([{ category: 'damaged_in_transit', evidence: [{ kind: 'phrase', text: '碎了' }] }]);
  });
});

describe('classifyFeedback: the shipment\'s facts and the score', () => {
  it.each([
    [{ damagedException: true }, 2, '', ['damaged_in_transit']],
    [{ late: true }, 1, '', ['delivery_late']],
    [{ failedAttempts: 2 }, 3, '', ['failed_attempt']],
    [{ contentsMissingException: true }, 2, '', ['missing_item']],
    // A happy customer is not complaining about what the record shows.
    [{ late: true }, 5, 'Great!', ['praise']],
    [{ damagedException: true }, 4, '', ['other']],
    [{}, 5, '', ['praise']],
    [{}, 5, 'ok', ['praise']],
    [{}, 1, '', ['other']],
    [{}, 4, 'fine', ['other']],
  ])('facts %j, CSAT %i, %j → %j', (facts, csat, comment, expected) => {
    expect(categories({ comment, csat, facts })).toEqual(expected);
  });

  it('a fact adds evidence to the category the words already name, even from a happy customer', () => {
    const result = classifyFeedback({ comment: '晚了一天，不过东西很好', csat: 4, facts: { late: true } });
    expect(result.find((c) => c.category === 'delivery_late')?.evidence).toEqual([{ kind: 'phrase', text: '晚了' }, { kind: 'fact', fact: 'late' }]);
  });

  it('praise words in a one-star review are not praise', () => {
    expect(categories({ comment: '速度很快，但是质量太差', csat: 1 })).toEqual(['defective']);
    expect(categories({ comment: '速度很快，但是质量太差', csat: 3 })).toEqual(['defective', 'praise']);
  });

  it('quick tags count as evidence', () => {
    expect(classifyFeedback({ comment: '', csat: 2, tags: ['damaged', 'rude_courier'] })).toEqual([
      { category: 'courier_behaviour', evidence: [{ kind: 'tag', tag: 'rude_courier' }] },
      { category: 'damaged_in_transit', evidence: [{ kind: 'tag', tag: 'damaged' }] },
    ]);
    expect(categories({ comment: '少了一件', csat: 2, tags: ['wrong_or_missing'] })).toEqual(['missing_item']);
    expect(categories({ comment: '', csat: 5, tags: ['fast_delivery'] })).toEqual(['praise']);
  });
});

describe('classifyFeedback on the labelled set', () => {
  it('keeps macro-F1 at or above the 0.85 target (a regression guard: the lexicon was curated with this set in view)', async () => {
    const { readFileSync } = await import('node:fs');
    const { evaluateClassifier } = await import('../../server/domain/feedback/classifier-evaluation');
    const examples = JSON.parse(readFileSync(new URL('../../server/domain/feedback/training/base-curated.json', import.meta.url), 'utf8'));
    expect(examples.length).toBeGreaterThanOrEqual(300);
    expect(evaluateClassifier(examples).macroF1).toBeGreaterThanOrEqual(0.85);
  });
});
