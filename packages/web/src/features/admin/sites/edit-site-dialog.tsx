import type { SiteView } from '@alutrace/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveCancelActions } from '../../../components/form-actions';
import { FormAlert } from '../../../components/form-alert';
import { ModalDialog } from '../../../components/modal-dialog';
import { type FieldErrors, mergeFieldErrors } from '../../../lib/form-errors';
import { useTRPC } from '../../../lib/trpc';
import { useFormErrors } from '../../../lib/use-form-errors';
import { checkSiteNames, SiteNameFields, type SiteNames } from './site-name-fields';

const FIELDS = ['nameZh', 'nameEn', 'district', 'park', 'licence'] as const;

/** Names, place and licence; the code and kind never change (entries and users refer to them). */
interface EditSiteDialogProps {
  site: SiteView;
  onClose: () => void;
  /** Told the site as saved, for the page to confirm it. */
  onSaved: (site: SiteView) => void;
}

export function EditSiteDialog({ site, onClose, onSaved }: EditSiteDialogProps): ReactElement {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SiteNames>({
    nameZh: site.nameZh,
    nameEn: site.nameEn,
    district: site.district ?? '',
    park: site.park ?? '',
    licence: site.licence ?? '',
  });
  const [checks, setChecks] = useState<FieldErrors>({});
  const update = useMutation(
    trpc.sites.update.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.sites.list.queryKey() });
        onSaved(saved);
        onClose();
      },
    }),
  );
  const server = useFormErrors(update.error, { fields: FIELDS });
  const errors = mergeFieldErrors(checks, server.fields);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    update.reset();
    const found = checkSiteNames(values, t('form.required'));
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    update.mutate({
      code: site.code,
      nameZh: values.nameZh.trim(),
      nameEn: values.nameEn.trim(),
      district: values.district.trim() || null,
      park: values.park || null,
      licence: values.licence.trim() || null,
    });
  };

  return (
    <ModalDialog title={t('admin.sites.edit.title', { code: site.code })} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate aria-busy={update.isPending}>
        <FormAlert message={server.general ?? (Object.keys(checks).length ? t('form.checkFields') : null)} />
        <SiteNameFields values={values} errors={errors} onChange={setValues} />
        <SaveCancelActions pending={update.isPending} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
