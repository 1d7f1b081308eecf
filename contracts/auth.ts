// People and what they may see (rule book section 1): users with roles, jurisdictions as a
// hierarchy (city → district → street), and the session the dashboard logs in with.
import { Type, type Static } from '@sinclair/typebox';

/**
 * - admin: registers sites, devices, users and gateways; sees everything.
 * - inspector (市场监管): the kitchens inside their jurisdictions (and all below them).
 * - kitchen_manager / kitchen_staff: their own kitchen only.
 * - auditor: sees everything, changes nothing.
 */
export const ROLES = ['admin', 'inspector', 'kitchen_manager', 'kitchen_staff', 'auditor'] as const;
export const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
export type Role = Static<typeof Role>;

export const JURISDICTION_LEVELS = ['city', 'district', 'street'] as const;
export const JurisdictionLevel = Type.Union(JURISDICTION_LEVELS.map((l) => Type.Literal(l)));
export type JurisdictionLevel = Static<typeof JurisdictionLevel>;

/** A jurisdiction, as GET /api/jurisdictions lists it and POST /api/jurisdictions (admin) takes it. */
export const Jurisdiction = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
    name: Type.String({ minLength: 1, maxLength: 80 }),
    level: JurisdictionLevel,
    parentId: Type.Union([Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), Type.Null()]),
    /** FS-CAM-RETENTION: days of video its sites must keep; null: the profile's default. */
    videoRetentionDays: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type Jurisdiction = Static<typeof Jurisdiction>;

/** POST /api/auth/login */
export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

/** GET /api/auth/me: who is logged in, and the kitchens they may see. */
export const Me = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  kitchenId: Type.Union([Type.String(), Type.Null()], { description: 'kitchen roles: their kitchen' }),
  jurisdictions: Type.Array(Type.String(), { description: 'inspectors: the jurisdictions they are assigned' }),
  /** Every kitchen id they may see ('all' for admins and auditors). */
  kitchens: Type.Union([Type.Literal('all'), Type.Array(Type.String())]),
  /** What they may do, for the dashboard to show or hide controls (the server checks anyway). */
  can: Type.Array(Type.String()),
});
export type Me = Static<typeof Me>;

/** The session cookie's name. HttpOnly, SameSite=Lax, Secure behind HTTPS. */
export const SESSION_COOKIE = 'kcw_session';

/** A user as the administration pages see it (GET /api/users). Never the password hash. */
export const UserDto = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  kitchenId: Type.Union([Type.String(), Type.Null()]),
  jurisdictions: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type UserDto = Static<typeof UserDto>;

/** POST /api/users (admin). Kitchen roles need kitchenId; inspectors need jurisdictions. */
export const UserCreateRequest = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9._-]{3,64}$', description: 'as checkUser: 3–64 characters' }),
    displayName: Type.String({ minLength: 1, maxLength: 40 }),
    role: Role,
    kitchenId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    jurisdictions: Type.Optional(Type.Array(Type.String())),
    password: Type.String({ minLength: 10, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type UserCreateRequest = Static<typeof UserCreateRequest>;

/** PATCH /api/users/{username} (admin): what to change. Disabling ends the user's sessions. */
export const UserUpdateRequest = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    role: Type.Optional(Role),
    kitchenId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    jurisdictions: Type.Optional(Type.Array(Type.String())),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 256 })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UserUpdateRequest = Static<typeof UserUpdateRequest>;

/** PUT /api/kitchens/{id}/jurisdictions (admin): every authority whose scope the kitchen is in. */
export const KitchenJurisdictionsRequest = Type.Object(
  { jurisdictions: Type.Array(Type.String(), { uniqueItems: true }) },
  { additionalProperties: false },
);
export type KitchenJurisdictionsRequest = Static<typeof KitchenJurisdictionsRequest>;
