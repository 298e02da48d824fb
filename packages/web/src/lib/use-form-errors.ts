import { useTranslation } from 'react-i18next';
import { apiLanguage } from '../i18n/languages';
import { useAppLanguage } from '../i18n/use-app-language';
import { describeApiError } from './api-error';
import { type FormErrorOptions, type FormErrors, formErrors, NO_FORM_ERRORS } from './form-errors';

/** A failed call's message in the reader's language ("cannot reach the server" when there was no answer). */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  const language = apiLanguage(useAppLanguage());
  return (error) => describeApiError(error, language)?.message ?? t('errors.unreachable');
}

/** formErrors() in the reader's language; no errors while `error` is null. */
export function useFormErrors(error: unknown, options: Omit<FormErrorOptions, 'texts'>): FormErrors {
  const { t } = useTranslation();
  const language = apiLanguage(useAppLanguage());
  if (error === null || error === undefined) return NO_FORM_ERRORS;
  return formErrors(error, language, {
    ...options,
    texts: { unreachable: t('errors.unreachable'), checkFields: t('form.checkFields') },
  });
}
