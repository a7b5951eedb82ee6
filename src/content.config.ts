/**
 * Content collections, loaded from the top-level `content/` folder. A bad frontmatter field or
 * fixture value fails the build with the file, the field, what was expected and what was received.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { constantSetSchema, paperSchema } from './lib/schema/constants.ts';
import { tableSchema } from './lib/schema/tables.ts';
import { modelSchema } from './lib/schema/models.ts';
import { correctionSchema } from './lib/schema/corrections.ts';

import papersJson from '../content/data/papers.json' with { type: 'json' };

/** Chapters may cite any paper of content/data/papers.json (never a hand-kept list). */
const paperIds = papersJson.map((p) => p.id);
const paperId = z.string().refine((id) => paperIds.includes(id), {
  error: (issue) => `expected a paper id from content/data/papers.json (${paperIds.join(', ')}), received "${String(issue.input)}"`,
});

const chapters = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/chapters' }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(20).max(200),
    /** The part of the site the chapter belongs to, e.g. "Kaplan et al. 2020". */
    part: z.enum(['Kaplan et al. 2020', 'Chinchilla and its replication', 'Beyond Chinchilla']),
    /** Position in the table of contents (global order; by part: Kaplan 100–199, Chinchilla 200–299, Beyond 300–399). */
    order: z.number().int().positive(),
    /** Papers the chapter draws on (ids from content/data/papers.json). */
    sources: z.array(paperId).min(1),
    updated: z.coerce.date(),
  }),
});

const constants = defineCollection({
  loader: glob({ pattern: '*.json', base: './content/data/constants' }),
  schema: constantSetSchema,
});

const papers = defineCollection({
  loader: file('./content/data/papers.json'),
  schema: paperSchema,
});

/** Paper tables as printed (content/data/tables/*.json); law constants are referenced, not repeated. */
const tables = defineCollection({
  loader: glob({ pattern: '*.json', base: './content/data/tables' }),
  schema: tableSchema,
});

/** Notable models, every number cited (content/data/models.json). */
const models = defineCollection({
  loader: file('./content/data/models.json'),
  schema: modelSchema,
});

/** The corrections log (content/corrections.json): shown on each corrected page and at /corrections/. */
const corrections = defineCollection({
  loader: file('./content/corrections.json'),
  schema: correctionSchema,
});

export const collections = { chapters, constants, papers, tables, models, corrections };
