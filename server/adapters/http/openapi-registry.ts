// The OpenAPI paths and schemas of the registry and account administration, spread into the
// document by openapi.ts; built from the contract schemas like the rest.
import type { TSchema } from '@sinclair/typebox';
import { Jurisdiction, KitchenJurisdictionsRequest, UserCreateRequest, UserDto, UserUpdateRequest } from '../../../contracts/auth.ts';
import {
  CalibrationRecord, CalibrationRequest, Inspection, InspectionRequest, KitchenCreateRequest, KitchenRegistry, ProvisionRequest,
  ProvisionedGateway, RegistryUpdate, Reminder, StaffMember, StaffRequest,
} from '../../../contracts/registry.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const body = (name: string) => ({ required: true, content: json(ref(name)) });
const ok = (schema: object, status = 200, description = 'OK') => ({ [status]: { description, content: json(schema) } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [c, { description: 'Error with a stable code (docs/errors.md)', content: json(ref('ApiError')) }]));
const id = (name: string, schema: object = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' }) => ({ name, in: 'path', required: true, schema });
const kitchen = id('kitchenId');
const strip = (schema: TSchema): object => JSON.parse(JSON.stringify(schema)) as object;

/** POST /api/kitchens, beside the GET that openapi.ts describes. */
export const createKitchenOperation = () => ({
  summary: 'Register a site (registry:write); 409 kitchen_exists, 400 for an unknown profile or time zone, 404 jurisdiction_not_found',
  requestBody: body('KitchenCreateRequest'), responses: { ...ok(ref('Kitchen'), 201, 'the new kitchen'), ...errors(400, 403, 404, 409) },
});

export function registryPaths(): Record<string, object> {
  return {
    '/api/kitchens/{kitchenId}/registry': {
      get: { summary: 'A kitchen\'s registry entry: site number, licence, risk grade, last inspection, jurisdictions, staff certificates, units\' calibrations and the reminders due (kitchen:read)', parameters: [kitchen], responses: { ...ok(ref('KitchenRegistry')), ...errors(400, 404) } },
      put: { summary: 'Change the site\'s facts (registry:write); omitted fields stay. Its reminders are checked at once', parameters: [kitchen], requestBody: body('RegistryUpdate'), responses: { ...ok(ref('KitchenRegistry')), ...errors(400, 403, 404) } },
    },
    '/api/kitchens/{kitchenId}/inspections': {
      get: { summary: 'Inspections recorded at the site, newest first (the newest is posted as lastInspection)', parameters: [kitchen], responses: { ...ok({ type: 'array', items: ref('Inspection') }), ...errors(400, 404) } },
      post: { summary: 'Record an inspection (inspection:record); the inspector is the logged-in user', parameters: [kitchen], requestBody: body('InspectionRequest'), responses: { ...ok(ref('Inspection'), 201), ...errors(400, 403, 404) } },
    },
    '/api/kitchens/{kitchenId}/staff': { post: { summary: 'Add a staff member with their health certificate (staff:write; FS-REG-HEALTH-CERT)', parameters: [kitchen], requestBody: body('StaffRequest'), responses: { ...ok(ref('StaffMember'), 201), ...errors(400, 403, 404) } } },
    '/api/kitchens/{kitchenId}/staff/{staffId}': { put: { summary: 'Change a staff member (staff:write); omitted optional fields stay; no delete: active false. 404 staff_not_found, also for another kitchen\'s staff', parameters: [kitchen, id('staffId', { type: 'integer', minimum: 1 })], requestBody: body('StaffRequest'), responses: { ...ok(ref('StaffMember')), ...errors(400, 403, 404) } } },
    '/api/kitchens/{kitchenId}/devices/{deviceId}/calibrations': {
      get: { summary: 'A unit\'s calibrations and field checks, newest first', parameters: [kitchen, id('deviceId')], responses: { ...ok({ type: 'array', items: ref('CalibrationRecord') }), ...errors(400, 404) } },
      post: { summary: 'Record a calibration or field check (calibration:record; FS-CAL-DUE); `by` is the logged-in user', parameters: [kitchen, id('deviceId')], requestBody: body('CalibrationRequest'), responses: { ...ok(ref('CalibrationRecord'), 201), ...errors(400, 403, 404) } },
    },
    '/api/kitchens/{kitchenId}/gateways': { post: { summary: 'Provision a gateway\'s broker account (registry:write): the secret is in this answer only (Cache-Control: no-store). 409 gateway_exists unless rotate for the same kitchen; 503 provisioning_unavailable', parameters: [kitchen], requestBody: body('ProvisionRequest'), responses: { ...ok(ref('ProvisionedGateway'), 201), ...errors(400, 403, 404, 409, 503) } } },
    '/api/reminders': { get: { summary: 'Every registry reminder due in the user\'s kitchens (licence, health certificates, calibrations), nothing on file first, then the soonest', responses: ok({ type: 'array', items: { allOf: [ref('Reminder'), { type: 'object', properties: { kitchenId: { type: 'string' }, kitchenName: { type: 'string' } } }] } }) } },
    '/api/users': {
      get: { summary: 'Every account (users:manage); never a password hash', responses: { ...ok({ type: 'array', items: ref('User') }), ...errors(403) } },
      post: { summary: 'Create an account (users:manage); 409 user_exists, 400 weak_password / invalid_user', requestBody: body('UserCreateRequest'), responses: { ...ok(ref('User'), 201), ...errors(400, 403, 409) } },
    },
    '/api/users/{username}': { patch: { summary: 'Change an account (users:manage): any change but the display name ends the user\'s sessions; an administrator may not disable or demote themselves', parameters: [id('username', { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' })], requestBody: body('UserUpdateRequest'), responses: { ...ok(ref('User')), ...errors(400, 403, 404) } } },
    '/api/jurisdictions': {
      get: { summary: 'The jurisdiction tree (any logged-in user: names are not secret)', responses: ok({ type: 'array', items: ref('Jurisdiction') }) },
      post: { summary: 'Add a jurisdiction (201) or change one (200) (users:manage); 400 invalid_jurisdiction', requestBody: body('Jurisdiction'), responses: { ...ok(ref('Jurisdiction'), 201), ...errors(400, 403) } },
    },
    '/api/kitchens/{kitchenId}/jurisdictions': { put: { summary: 'Every authority whose scope the kitchen is in, exactly these (users:manage); answers the same shape; 404 jurisdiction_not_found', parameters: [kitchen], requestBody: body('KitchenJurisdictionsRequest'), responses: { ...ok(ref('KitchenJurisdictionsRequest')), ...errors(400, 403, 404) } } },
  };
}

export function registrySchemas(): Record<string, object> {
  return Object.fromEntries(Object.entries({
    KitchenRegistry, RegistryUpdate, KitchenCreateRequest, Inspection, InspectionRequest, StaffMember, StaffRequest, CalibrationRecord,
    CalibrationRequest, ProvisionRequest, ProvisionedGateway, Reminder, User: UserDto, UserCreateRequest, UserUpdateRequest, Jurisdiction,
    KitchenJurisdictionsRequest,
  }).map(([name, schema]) => [name, strip(schema)]));
}
