/**
 * Schemas for the cited data fixtures in `content/data/`. They are used twice: by Astro's content
 * collections (build-time validation with file and field in the message) and by `src/lib/data.ts`
 * (so unit tests read exactly the same validated values). Pure zod, no Astro imports.
 */
import { z } from 'zod';

/** Where a value was printed: a paper id from `content/data/papers.json` and a location in it. */
export const sourceSchema = z.object({
  paper: z.string().min(1),
  /** As printed, e.g. "Eq. (1.1); Table 5", "Table 2", "§4.2", "App. D.2, Eq. (10)". */
  location: z.string().min(1),
  /** How the value was checked (verification codes of the facts sheet), e.g. "K-TEX, K-PDF". */
  verifiedBy: z.string().min(1).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** One fitted or printed constant with its source. */
export const constantSchema = z.object({
  value: z.number().finite(),
  /** TeX for the symbol as the paper writes it, e.g. "\\alpha_N". */
  tex: z.string().min(1),
  /** Unit of the value in words, e.g. "non-embedding parameters", "tokens", "PF-days", "nats/token", "1". */
  unit: z.string().min(1),
  source: sourceSchema,
  /** Standard error, where the source gives one. */
  se: z.number().finite().nonnegative().optional(),
  /** Confidence interval, where the source gives one. */
  interval: z
    .object({ low: z.number().finite(), high: z.number().finite(), level: z.number().gt(0).lt(1) })
    .optional(),
  note: z.string().optional(),
  /**
   * The value as the paper prints it, where the digits differ from what `formatExact(value)` gives
   * (trailing zeros, a shorter mantissa), e.g. "1.50" or "2.1e3". Pages show this form.
   */
  printed: z.string().min(1).optional(),
  /**
   * `false` when the value was not read in the printed paper but computed from the authors' released
   * code or data (UNVERIFIED in the facts sheets), e.g. Porian et al.'s exponents re-run from their
   * data. Pages say so ("computed from the authors' released data") and never present it as printed.
   * Omitted (the default) means read in the paper.
   */
  verified: z.boolean().optional(),
});
export type Constant = z.infer<typeof constantSchema>;

/** A named set of constants belonging to one fit (never mix sets silently). */
export const constantSetSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
  paper: z.string().min(1),
  label: z.string().min(1),
  description: z.string().min(1),
  constants: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), constantSchema),
});
export type ConstantSet = z.infer<typeof constantSetSchema>;

export const paperSchema = z.object({
  id: z.string().min(1),
  /** Short citation, e.g. "Kaplan et al. 2020". */
  short: z.string().min(1),
  title: z.string().min(1),
  authors: z.string().min(1),
  year: z.number().int(),
  /** arXiv identifier, where the source is on arXiv (a model card or white paper is not). */
  arxiv: z.string().regex(/^\d{4}\.\d{4,5}$/, 'expected an arXiv id like "2203.15556" (omit arxiv for a source that is not on arXiv; url is required)').optional(),
  /** Where to read the source; required (for an arXiv paper, its abstract page). */
  url: z.string().url({ message: 'expected the URL where the source can be read' }),
});
export const papersSchema = z.array(paperSchema).min(1);
export type Paper = z.infer<typeof paperSchema>;
