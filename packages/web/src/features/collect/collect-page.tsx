import './collect.css';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../app/use-document-title';
import { useMe } from '../../auth/use-session';
import { LoadingNotice } from '../../components/loading-notice';
import { useGrades } from '../lots/use-lot-words';
import { rememberedGrade, rememberedSite } from './collect-storage';
import { CollectionForm, type SavedCollection } from './collection-form';
import { CollectionSaved } from './collection-saved';

/** /collect: one weighing at a collection point, then its label; the next form starts from the same site and grade. */
export function CollectPage(): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(t('collect.title'));
  const me = useMe();
  const grades = useGrades();
  const [saved, setSaved] = useState<SavedCollection | null>(null);
  const [round, setRound] = useState(0);
  const sites = (me?.sites ?? []).filter((s) => s.kind === 'collection_point' && s.active);
  const remembered = rememberedSite();
  const site = sites.find((s) => s.code === remembered)?.code ?? sites[0]?.code ?? '';
  const lastGrade = rememberedGrade();
  const grade = grades.some((g) => g.code === lastGrade && g.active) ? lastGrade : '';

  return (
    <div className="page collect-page">
      <h1>{t('collect.title')}</h1>
      {!saved && <p className="lead">{t('collect.intro')}</p>}
      {sites.length === 0 && <p className="notice notice-plain">{t('collect.noSite')}</p>}
      {sites.length > 0 && grades.length === 0 && <LoadingNotice />}
      {saved && (
        <CollectionSaved
          saved={saved}
          onNext={() => {
            setSaved(null);
            setRound((n) => n + 1);
          }}
        />
      )}
      {!saved && sites.length > 0 && grades.length > 0 && (
        <CollectionForm
          key={round}
          sites={sites}
          grades={grades}
          initialSite={site}
          initialGrade={grade}
          onSaved={setSaved}
        />
      )}
    </div>
  );
}
