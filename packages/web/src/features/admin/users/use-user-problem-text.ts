import { MIN_PASSWORD_LENGTH } from '@alutrace/shared';
import { useTranslation } from 'react-i18next';
import type { UserField, UserProblem } from './check-user-form';

/** The client-side problems of a user form, worded for the field they are shown under. */
export function useUserProblemText(): (
  problems: Partial<Record<UserField, UserProblem>>,
) => Partial<Record<UserField, string[]>> {
  const { t } = useTranslation();
  const text: Record<UserProblem, string> = {
    required: t('form.required'),
    sitesRequired: t('admin.users.form.sitesRequired'),
    passwordTooShort: t('password.tooShort', { min: MIN_PASSWORD_LENGTH }),
  };
  return (problems) => Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, [text[problem]]]));
}
