// The words the collection's checks speak, in the reader's language: the
// browser's own checks (collection-draft.ts) and the server's refusals placed
// next to their fields (collection-refusal.ts). The collection form and the
// correction screen's corrected collection both use them.
import { CREDIT_CODE_MESSAGES, RESIDENT_ID_MESSAGES } from '@alutrace/shared';
import { useTranslation } from 'react-i18next';
import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';
import type { CollectionDraft, DraftWords } from './collection-draft';
import type { RefusalWords } from './collection-refusal';

export function useCollectionWords(): {
  draftWords: (draft: Pick<CollectionDraft, 'sellerKind'>) => DraftWords;
  refusalWords: RefusalWords;
} {
  const { t } = useTranslation();
  const language = apiLanguage(useAppLanguage());
  return {
    draftWords: (draft) => ({
      required: t('form.required'),
      gradeRequired: t('collect.gradeRequired'),
      netNotPositive: t('collect.netNotPositive'),
      idLength: (draft.sellerKind === 'individual' ? RESIDENT_ID_MESSAGES : CREDIT_CODE_MESSAGES).length[language],
    }),
    refusalWords: {
      tooHeavy: (value) => t('collect.tooHeavy', { value }),
      notPositive: t('collect.notPositive'),
      negative: t('collect.negative'),
      netMismatch: t('collect.netMismatch'),
      gradeInactive: (grade) => t('collect.gradeInactive', { grade }),
      gradeUnknown: (grade) => t('collect.gradeUnknown', { grade }),
      unreachable: `${t('errors.unreachable')} ${t('collect.retryHint')}`,
    },
  };
}
