// The longest value each text input may hold, read from the API's own schemas
// (packages/shared/src/api), so that a form stops at the limit the server
// enforces instead of discovering it on submit.
import { createSiteInput, createTokenInput, createUserInput } from '@alutrace/shared';

const maxOf = (schema: { maxLength: number | null }): number => {
  if (schema.maxLength === null) throw new Error('a text input without a maximum length in its schema');
  return schema.maxLength;
};

export const INPUT_LIMITS = {
  site: {
    nameZh: maxOf(createSiteInput.shape.nameZh),
    nameEn: maxOf(createSiteInput.shape.nameEn),
    district: maxOf(createSiteInput.shape.district.unwrap()),
    licence: maxOf(createSiteInput.shape.licence.unwrap()),
  },
  user: {
    username: maxOf(createUserInput.shape.username),
    displayName: maxOf(createUserInput.shape.displayName),
    password: maxOf(createUserInput.shape.password.unwrap()),
  },
  token: {
    name: maxOf(createTokenInput.shape.name),
  },
} as const;

/** A Field's `limit` for a value. */
export const limitFor = (max: number, value: string): { max: number; length: number } => ({
  max,
  length: value.length,
});
