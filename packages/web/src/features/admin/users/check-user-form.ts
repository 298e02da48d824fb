// What the user forms check before asking the server, which checks it all
// again: required fields, sites for roles that act for sites, password length.
import { type ErrorCode, MIN_PASSWORD_LENGTH, type Role, roleNeedsSites } from '@alutrace/shared';

export const USER_FIELDS = ['username', 'displayName', 'role', 'sites', 'password'] as const;
export type UserField = (typeof USER_FIELDS)[number];

/** Server errors about one field of the user forms. */
export const USER_CODE_FIELDS = {
  CONFLICT: 'username',
  SITES_REQUIRED: 'sites',
  SITES_NOT_ALLOWED: 'sites',
  SITE_KIND_MISMATCH: 'sites',
  SITE_UNKNOWN: 'sites',
  SITE_INACTIVE: 'sites',
  PASSWORD_TOO_SHORT: 'password',
} as const satisfies Partial<Record<ErrorCode, UserField>>;

export type UserProblem = 'required' | 'sitesRequired' | 'passwordTooShort';

export interface UserFormValues {
  /** Absent on the edit form: a username never changes. */
  username?: string;
  displayName: string;
  role: Role;
  sites: readonly string[];
  /** Empty: the server generates one. Absent on the edit form. */
  password?: string;
}

export function checkUserForm(values: UserFormValues): Partial<Record<UserField, UserProblem>> {
  const problems: Partial<Record<UserField, UserProblem>> = {};
  if (values.username !== undefined && !values.username.trim()) problems.username = 'required';
  if (!values.displayName.trim()) problems.displayName = 'required';
  if (roleNeedsSites(values.role) && values.sites.length === 0) problems.sites = 'sitesRequired';
  if (values.password && values.password.length < MIN_PASSWORD_LENGTH) problems.password = 'passwordTooShort';
  return problems;
}
