// audit.*: sampling lots for physical inspection (audit/sample.ts), for officials and administrators.
import { z } from 'zod';
import type { SampleDraw } from '../audit/sample';
import { sampleParamsSchema } from '../audit/sample-params';

export const auditSampleInput = z.object({
  /** The tree size of the signed checkpoint the sample rests on (audit.checkpoints lists them). */
  treeSize: z.number().int().min(1),
  params: sampleParamsSchema,
});
export type AuditSampleInput = z.input<typeof auditSampleInput>;

export interface AuditSampleView extends SampleDraw {
  /** The checkpoint's signed note: save it with the sample, it is what the seed rests on. */
  note: string;
  verifierKey: string;
}

export const auditCheckpointsInput = z
  .object({
    /** Checkpoints of trees smaller than this (the next page). */
    before: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .default({ limit: 20 });

export interface AuditCheckpointView {
  treeSize: number;
  rootHash: string;
  createdAt: string;
}

export interface AuditCheckpointsPage {
  items: AuditCheckpointView[];
  /** Pass as `before` for older checkpoints; null when there are none. */
  next: number | null;
}
