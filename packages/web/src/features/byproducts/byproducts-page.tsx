// /byproducts: a dross or slag lot goes to its route (byproducts.utilise),
// at the recycler that made it or the utiliser that received it.
import '../lifecycle-forms/lifecycle.css';
import {
  BYPRODUCT_ROUTE_NAMES,
  BYPRODUCT_ROUTES,
  type ByproductRoute,
  type LotView,
  type RecordedView,
} from '@alutrace/shared';
import { useMutation } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { Field } from '../../components/field';
import { useTRPC } from '../../lib/trpc';
import { ActingSitePicker } from '../lifecycle-forms/acting-site-picker';
import { CameraScanner } from '../lifecycle-forms/camera-scanner';
import { ChoiceList } from '../lifecycle-forms/choice-list';
import { commonEn, commonZh } from '../lifecycle-forms/common-words';
import { LotEntryField } from '../lifecycle-forms/lot-entry-field';
import { useLotNames } from '../lifecycle-forms/lot-names';
import { MassField } from '../lifecycle-forms/mass-field';
import { gramsOf, kgText } from '../lifecycle-forms/mass-text';
import { ProblemNotice } from '../lifecycle-forms/problem-notice';
import { RecordedLots } from '../lifecycle-forms/recorded-lots';
import { fieldProblems, problemForLot, useDescribeProblem } from '../lifecycle-forms/server-problem';
import { useActingSite } from '../lifecycle-forms/use-acting-site';
import { useIdempotencyKey } from '../lifecycle-forms/use-idempotency-key';
import { useLang, useWords } from '../lifecycle-forms/use-words';
import { byproductsEn, byproductsZh } from './byproducts-words';

const MASS_CODES = ['LOT_BALANCE_EXCEEDED', 'MASS_NOT_POSITIVE', 'LOT_TOO_HEAVY'];

export function ByproductsPage(): ReactElement {
  const w = useWords(byproductsZh, byproductsEn);
  const c = useWords(commonZh, commonEn);
  const lang = useLang();
  useDocumentTitle(w.title);
  const trpc = useTRPC();
  const lotNames = useLotNames();
  const acting = useActingSite(['recycler', 'utiliser']);
  const here = acting.site?.code ?? '';
  const [lot, setLot] = useState<LotView | null>(null);
  const [route, setRoute] = useState<ByproductRoute | ''>('');
  const [mass, setMass] = useState('');
  const [manifest, setManifest] = useState('');
  const [done, setDone] = useState<{ result: RecordedView; massG: number } | null>(null);
  const idem = useIdempotencyKey();
  const utilise = useMutation(trpc.byproducts.utilise.mutationOptions());
  const describe = useDescribeProblem(c.unreachable);
  const problem = describe(utilise.error);
  const massG = gramsOf(mass);

  const check = (l: LotView): string | null => {
    if (l.kind !== 'byproduct') return w.notByproduct(l.lotId);
    if (l.state !== 'on_hand') return w.notOnHand(l.lotId, lotNames.state(l));
    if (l.holder !== here) return w.notHere(l.lotId);
    return null;
  };

  if (done && lot) {
    return (
      <div className="page page-narrow lifecycle-page" data-testid="byproducts-done">
        <h1>{w.done}</h1>
        <p className="notice status-ok">
          {c.recorded(done.result.seq)} {done.result.replayed ? c.replayed : ''}
        </p>
        <RecordedLots lots={[{ lotId: lot.lotId, massG: done.massG }]} />
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setDone(null);
            setLot(null);
            setMass('');
            setManifest('');
            utilise.reset();
          }}
        >
          {w.another}
        </button>
      </div>
    );
  }

  const lotProblem =
    lot && problem && !MASS_CODES.includes(problem.code ?? '') ? problemForLot(problem, lot.lotId) : null;
  const massProblem =
    problem && MASS_CODES.includes(problem.code ?? '') ? [problem.message] : fieldProblems(problem, 'massG');
  const placed = lotProblem || massProblem || fieldProblems(problem, 'route', 'manifestNumber');
  // A button, not a form's submit: the camera scanner inside has its own small form.
  const save = (): void => {
    if (!acting.site || !lot || !route || massG === null) return;
    utilise.mutate(
      {
        site: acting.site.code,
        lotId: lot.lotId,
        route,
        massG,
        manifestNumber: manifest.trim() || null,
        idempotencyKey: idem.key,
      },
      {
        onSuccess: (result) => {
          idem.renew();
          setDone({ result, massG });
        },
        onError: idem.afterError,
      },
    );
  };
  return (
    <div className="page page-narrow lifecycle-page" data-testid="byproducts-page">
      <h1>{w.title}</h1>
      <p className="lead">{w.intro}</p>
      <div className="form">
        <ActingSitePicker sites={acting.sites} site={acting.site} onChange={acting.choose} />
        <LotEntryField
          label={w.lot}
          hint={w.lotHint}
          check={check}
          onLot={(l) => {
            setLot(l);
            setMass(kgText(l.balanceG));
          }}
          errors={lotProblem ? [lotProblem] : undefined}
          testId="byproduct-lot"
          renderScanner={(onScanned) => <CameraScanner onScanned={onScanned} />}
        />
        {lot?.hazardousWasteCode && <p className="field-note">{w.hazardous(lot.hazardousWasteCode)}</p>}
        <ChoiceList
          legend={w.route}
          name="route"
          value={route}
          onChange={(v) => setRoute(v as ByproductRoute)}
          options={BYPRODUCT_ROUTES.map((r) => ({ value: r, label: BYPRODUCT_ROUTE_NAMES[r][lang] }))}
          errors={fieldProblems(problem, 'route')}
          testId="byproduct-route"
        />
        <MassField
          label={w.mass}
          hint={w.massHint}
          value={mass}
          onChange={setMass}
          errors={massProblem}
          testId="byproduct-mass"
        />
        <Field label={w.manifest} hint={w.manifestHint} errors={fieldProblems(problem, 'manifestNumber')}>
          {(control) => (
            <input
              {...control}
              className="input input-code"
              value={manifest}
              onChange={(e) => setManifest(e.target.value)}
              data-testid="byproduct-manifest"
            />
          )}
        </Field>
        <ProblemNotice problem={placed ? null : problem} />
        {!lot && <p className="hint">{w.needLot}</p>}
        <div className="form-actions">
          <button
            type="button"
            onClick={save}
            className="button button-primary"
            disabled={utilise.isPending || !lot || !route || massG === null || !acting.site}
            data-testid="byproduct-save"
          >
            {utilise.isPending ? c.saving : w.save}
          </button>
        </div>
        <p className="hint">{c.retryNote}</p>
      </div>
    </div>
  );
}
