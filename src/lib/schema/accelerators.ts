/** Schema for `content/data/accelerators.json`: dense peak throughput per accelerator, with its source. */
import { z } from 'zod';

export const acceleratorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(1),
    /** Dense (no structured sparsity) peak tensor throughput, TFLOP/s per accelerator. */
    peakTflops: z.number().finite().positive(),
    precision: z.string().min(1),
    source: z.string().min(1),
    /** false when the figure rests on secondary sources only. */
    verified: z.boolean(),
  })
  .strict();
export type Accelerator = z.infer<typeof acceleratorSchema>;

export const acceleratorsSchema = z.object({ about: z.string().min(1), accelerators: z.array(acceleratorSchema).min(1) }).strict();
