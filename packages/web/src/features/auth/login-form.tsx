import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSessionCache } from '../../auth/use-session-cache';
import { Field } from '../../components/field';
import { SubmitActions } from '../../components/form-actions';
import { FormAlert } from '../../components/form-alert';
import { apiLanguage } from '../../i18n/languages';
import { useAppLanguage } from '../../i18n/use-app-language';
import { describeApiError } from '../../lib/api-error';
import { useTRPC } from '../../lib/trpc';
import { afterSignIn } from './login-page';

interface Missing {
  username?: boolean;
  password?: boolean;
}

/** `next`: where to go once signed in. */
export function LoginForm({ next }: { next: string }): ReactElement {
  const { t } = useTranslation();
  const language = apiLanguage(useAppLanguage());
  const trpc = useTRPC();
  const session = useSessionCache();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [missing, setMissing] = useState<Missing>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (me) => {
        session.signedIn(me);
        void navigate(afterSignIn(me, next), { replace: true });
      },
    }),
  );

  useEffect(() => usernameRef.current?.focus(), []);
  // After a wrong password the password is what to retype.
  useEffect(() => {
    if (login.isError) passwordRef.current?.select();
  }, [login.isError]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const now: Missing = { username: !username.trim(), password: !password };
    setMissing(now);
    if (now.username) usernameRef.current?.focus();
    else if (now.password) passwordRef.current?.focus();
    else login.mutate({ username: username.trim(), password });
  };

  const failure = login.isError ? (describeApiError(login.error, language)?.message ?? t('errors.unreachable')) : null;
  const required = (isMissing: boolean | undefined) => (isMissing ? [t('form.required')] : undefined);

  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={login.isPending}>
      <FormAlert message={failure} />
      <Field label={t('login.username')} errors={required(missing.username)}>
        {(control) => (
          <input
            {...control}
            ref={usernameRef}
            className="input"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        )}
      </Field>
      <Field label={t('login.password')} errors={required(missing.password)}>
        {(control) => (
          <input
            {...control}
            ref={passwordRef}
            className="input"
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={showPassword} onChange={(event) => setShowPassword(event.target.checked)} />
        {t('login.showPassword')}
      </label>
      <SubmitActions pending={login.isPending} label={t('login.submit')} pendingLabel={t('login.submitting')} />
    </form>
  );
}
