/**
 * Schema of the corrections log (`content/corrections.json`): every change to a published number
 * or claim, with its date, page, anchor, what changed and why. Pure zod (used by the content
 * collection and by the published-numbers test).
 */
import { z } from 'zod';

export const correctionSchema = z
  .object({
    /** Stable id, e.g. "2026-11-30-kaplan-context-length". */
    id: z.string().regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/, 'expected "YYYY-MM-DD-kebab-case"'),
    /** YYYY-MM-DD the correction was published. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
    /** Page path as published, e.g. "/chapters/loss-vs-model-size/". */
    page: z.string().regex(/^\/([a-z0-9-]+\/)*$/, 'expected a page path such as "/chapters/x/"'),
    /** The anchor (heading, eq-, step- or fig- id) next to what was corrected. */
    anchor: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).optional(),
    /** What changed, in one sentence. */
    what: z.string().min(10),
    /** Why it changed. */
    why: z.string().min(10),
    /** The published numbers this correction replaces, as the page printed them (e.g. "1020"). */
    before: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Correction = z.infer<typeof correctionSchema>;
export const correctionsSchema = z.array(correctionSchema);
