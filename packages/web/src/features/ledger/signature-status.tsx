import type { HeadView } from '@alutrace/shared';
import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../../i18n/zh-CN';
import { checkHeadSignature, type SignatureProblem } from './check-head-signature';

// i18next reads a key's "_SUFFIX" as a context or plural form, so the problem codes get camel-case keys.
const PROBLEM_MESSAGES = {
  MALFORMED_NOTE: 'malformedNote',
  MALFORMED_KEY: 'malformedKey',
  UNKNOWN_KEY: 'unknownKey',
  BAD_SIGNATURE: 'badSignature',
  ORIGIN_MISMATCH: 'originMismatch',
  SIZE_MISMATCH: 'sizeMismatch',
  ROOT_MISMATCH: 'rootMismatch',
} as const satisfies Record<SignatureProblem, keyof Messages['ledger']['signature']>;

export function SignatureStatus({ head }: { head: HeadView }): ReactElement {
  const { t } = useTranslation();
  const check = useMemo(() => checkHeadSignature(head), [head]);
  if (check.valid) {
    return (
      <div className="status status-ok" data-testid="signature-status" data-valid="true">
        <p className="status-title">
          <span aria-hidden="true">✓ </span>
          {t('ledger.signature.valid')}
        </p>
        <p>{t('ledger.signature.validDetail')}</p>
      </div>
    );
  }
  return (
    <div className="status status-bad" data-testid="signature-status" data-valid="false" role="alert">
      <p className="status-title">
        <span aria-hidden="true">✗ </span>
        {t('ledger.signature.invalid')}
      </p>
      <p>{t(`ledger.signature.${PROBLEM_MESSAGES[check.problem]}` as const, check.params)}</p>
    </div>
  );
}
