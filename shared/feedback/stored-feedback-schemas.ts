import { z } from 'zod';
import type { FeedbackEvidence } from '../api/feedback';
import { QUICK_TAGS } from './quick-tags';

/** The shapes feedback keeps in JSON columns, checked when a row is read. Server side only. */

export const storedQuickTagsSchema = z.array(z.enum(QUICK_TAGS));

export const storedEvidenceSchema: z.ZodType<FeedbackEvidence[]> = z.array(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('phrase'), text: z.string() }),
    z.object({ kind: z.literal('tag'), tag: z.enum(QUICK_TAGS) }),
    z.object({ kind: z.literal('fact'), fact: z.enum(['damaged_exception', 'late', 'failed_attempt', 'missing_contents_exception']), detail: z.string().optional() }),
    z.object({ kind: z.literal('score'), csat: z.number() }),
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('model'), score: z.number().min(0).max(1) }),
    z.object({ kind: z.literal('staff'), staffId: z.number().int(), at: z.number() }),
  ]),
);
