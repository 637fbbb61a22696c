import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. The staff feedback list (issue 14) filters by
// category and pages newest first: this index walks one category's feedback in that order
// (feedback_categories.created_at is the feedback's own creation time), so a rare category's
// page costs its own rows, not a scan of every feedback. The unfiltered list walks
// feedback_created_idx; one feedback's open call-back is found by follow_ups_shipment_idx.

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('feedback_categories_category_created_idx').on('feedback_categories').columns(['category', 'created_at', 'feedback_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('feedback_categories_category_created_idx').execute();
}
