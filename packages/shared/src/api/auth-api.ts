// Inputs and outputs of auth.*, users.*, tokens.* and sites.*.
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, ROLES, type Role, SITE_KINDS, type SiteKind, TOKEN_ROLES } from '../auth/roles';
import { PARKS, type Park } from '../sites/baise';
import { textField } from '../text/text-field';
import { USERNAME_HINT } from './format-hints';

export const siteCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,11}$/, 'a site code: capital letters and digits, like "PG01"');
export const username = z
  .string()
  .trim()
  .min(2, 'at least 2 characters')
  .max(40, 'at most 40 characters')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, USERNAME_HINT);
const displayName = textField({ max: 80 });
// Length is checked by the server with a bilingual PASSWORD_TOO_SHORT; here only the upper bound.
const password = z.string().max(MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`);
const id = z.string().uuid('an id');

export const loginInput = z.object({
  username: z.string().trim().min(1, 'required').max(40, 'at most 40 characters'),
  password: z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH),
});
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'required').max(MAX_PASSWORD_LENGTH),
  newPassword: password,
});
export const revokeSessionInput = z.object({ sessionId: id });

export const createUserInput = z.object({
  username,
  displayName,
  role: z.enum(ROLES),
  sites: z.array(siteCode).max(50).default([]),
  /** Leave out to have a password generated and shown once. */
  password: password.optional(),
});
export const updateUserInput = z.object({
  userId: id,
  displayName: displayName.optional(),
  role: z.enum(ROLES).optional(),
  sites: z.array(siteCode).max(50).optional(),
  active: z.boolean().optional(),
});
export const resetPasswordInput = z.object({ userId: id, password: password.optional() });

export const createTokenInput = z.object({
  name: textField({ max: 80 }),
  role: z.enum(TOKEN_ROLES),
  site: siteCode.optional(),
});
export const revokeTokenInput = z.object({ tokenId: id });

export const createSiteInput = z.object({
  code: siteCode,
  kind: z.enum(SITE_KINDS),
  nameZh: textField({ max: 100 }),
  nameEn: textField({ max: 100 }),
  district: textField({ max: 50, min: 0 }).optional(),
  /** The aluminium park the site is in, if any. */
  park: z.enum(PARKS).nullable().optional(),
  /** The filing (备案) or licence number of the site's business. */
  licence: textField({ max: 50, min: 0 }).optional(),
});
export const updateSiteInput = z.object({
  code: siteCode,
  nameZh: textField({ max: 100 }).optional(),
  nameEn: textField({ max: 100 }).optional(),
  district: textField({ max: 50, min: 0 }).nullable().optional(),
  park: z.enum(PARKS).nullable().optional(),
  licence: textField({ max: 50, min: 0 }).nullable().optional(),
  active: z.boolean().optional(),
});

export interface SiteView {
  code: string;
  kind: SiteKind;
  nameZh: string;
  nameEn: string;
  district: string | null;
  park: Park | null;
  licence: string | null;
  active: boolean;
  createdAt: string;
}

export interface MeView {
  kind: 'user' | 'token';
  id: string;
  /** The username, or the token's name. */
  name: string;
  displayName: string;
  role: Role;
  sites: SiteView[];
  mustChangePassword: boolean;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  sites: string[];
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface TokenView {
  id: string;
  name: string;
  role: Role;
  site: string | null;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
