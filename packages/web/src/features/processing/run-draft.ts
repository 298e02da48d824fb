// What the run form holds while it is typed, and how it becomes the
// processing.record input and the live balance's figures.
import type { AdditionKind, ByproductKind, GradeView, LotView, ProductForm, RunFigures } from '@alutrace/shared';
import { gramsOf } from '../lifecycle-forms/mass-text';

export const DROSS_HW_CODE = 'HW48 321-026-48';

export interface InputRow {
  lot: LotView;
  consumed: string;
}
export interface AdditionRow {
  key: number;
  kind: AdditionKind;
  mass: string;
}
export interface OutputRow {
  key: number;
  form: ProductForm;
  /** The alloy for metal, the grade for sorted scrap. */
  code: string;
  mass: string;
}
export interface ByproductRow {
  key: number;
  kind: ByproductKind;
  mass: string;
  hwCode: string;
}

export interface RunDraft {
  inputs: InputRow[];
  additions: AdditionRow[];
  outputs: OutputRow[];
  byproducts: ByproductRow[];
}

const g = (text: string): number => gramsOf(text) ?? 0;

export function figuresOf(draft: RunDraft, grades: GradeView[], lossFlagPct: number): RunFigures {
  return {
    inputs: draft.inputs.map((i) => ({
      consumedG: g(i.consumed),
      kind: i.lot.kind,
      grade: i.lot.grade,
      recycledPpm: i.lot.recycledPpm,
      postConsumerPpm: i.lot.postConsumerPpm,
    })),
    additions: draft.additions.map((a) => ({ kind: a.kind, massG: g(a.mass) })),
    outputs: draft.outputs.map((o) => ({ metal: o.form !== 'sorted_scrap', massG: g(o.mass) })),
    byproductG: draft.byproducts.reduce((s, b) => s + g(b.mass), 0),
    lossFlagPct,
    bands: new Map(grades.map((gr) => [gr.code, gr])),
  };
}

export function inputOf(site: string, process: string, draft: RunDraft, idempotencyKey: string) {
  return {
    site,
    process: process as 'melting',
    idempotencyKey,
    inputs: draft.inputs.map((i) => ({ lotId: i.lot.lotId, consumedG: g(i.consumed) })),
    additions: draft.additions.map((a) => ({ kind: a.kind, massG: g(a.mass) })),
    outputs: draft.outputs.map((o) => ({
      form: o.form,
      grade: o.form === 'sorted_scrap' ? o.code || null : null,
      alloy: o.form === 'sorted_scrap' ? null : o.code || null,
      massG: g(o.mass),
    })),
    byproducts: draft.byproducts.map((b) => ({
      kind: b.kind,
      massG: g(b.mass),
      hazardousWasteCode: b.hwCode.trim() || null,
    })),
  };
}
