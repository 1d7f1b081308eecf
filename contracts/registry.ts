// The registry (issue 5, rule book sections 1, 3 and 8): what an inspector needs to know about
// a site besides its readings: site number, licence, staff health certificates, risk grade, the
// last inspection, its units' calibration records, and its gateways, which an administrator
// provisions (the broker secret is shown once). Dates without a time are site-local YYYY-MM-DD.
import { Type, type Static } from '@sinclair/typebox';

const Time = () => Type.String({ format: 'date-time' });
const LocalDate = (description?: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const SITE_TYPES = ['助餐服务中心', '助餐点', '中央厨房', '养老机构食堂'] as const;
export const SiteType = Type.Union(SITE_TYPES.map((s) => Type.Literal(s)));
export type SiteType = Static<typeof SiteType>;

/** Risk grades of the food-business grading (A lowest risk … D highest). */
export const RISK_GRADES = ['A', 'B', 'C', 'D'] as const;
export const RiskGrade = Type.Union(RISK_GRADES.map((g) => Type.Literal(g)));
export type RiskGrade = Static<typeof RiskGrade>;

/** The results a published inspection record carries: 符合 / 基本符合 / 不符合. */
export const INSPECTION_RESULTS = ['pass', 'pass_with_remarks', 'fail'] as const;
export const InspectionResult = Type.Union(INSPECTION_RESULTS.map((r) => Type.Literal(r)));
export type InspectionResult = Static<typeof InspectionResult>;

export const Inspection = Type.Object({
  id: Type.Integer(),
  kitchenId: Type.String(),
  date: LocalDate(),
  result: InspectionResult,
  note: Type.String(),
  inspector: Type.String({ description: 'display name of who recorded it' }),
  recordedAt: Time(),
});
export type Inspection = Static<typeof Inspection>;

/** POST /api/kitchens/{id}/inspections (inspector, admin). */
export const InspectionRequest = Type.Object(
  { date: LocalDate(), result: InspectionResult, note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type InspectionRequest = Static<typeof InspectionRequest>;

export const StaffMember = Type.Object({
  id: Type.Integer(),
  kitchenId: Type.String(),
  name: Type.String(),
  position: Type.String({ description: 'e.g. 厨师, 帮厨, 配餐员' }),
  healthCertNumber: Nullable(Type.String()),
  healthCertExpiresOn: Nullable(LocalDate('null: no certificate on file (a reminder is due)')),
  active: Type.Boolean(),
});
export type StaffMember = Static<typeof StaffMember>;

/** POST /api/kitchens/{id}/staff and PUT …/staff/{staffId} (admin, the kitchen's manager). */
export const StaffRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    position: Type.String({ minLength: 1, maxLength: 40 }),
    healthCertNumber: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    healthCertExpiresOn: Type.Optional(Nullable(LocalDate())),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type StaffRequest = Static<typeof StaffRequest>;

/** One calibration or field check of a unit's probe against a reference thermometer (FS-CAL-DUE). */
export const CalibrationRecord = Type.Object({
  id: Type.Integer(),
  kitchenId: Type.String(),
  deviceId: Type.String(),
  date: LocalDate(),
  kind: Type.Union([Type.Literal('calibration'), Type.Literal('field_check')], {
    description: 'calibration: by a metrology service (restarts the 12-month interval); field_check: against a reference probe on site',
  }),
  referenceC: Type.Number(),
  readingC: Type.Number(),
  deviationC: Type.Number({ description: 'readingC − referenceC' }),
  certificate: Nullable(Type.String({ description: 'certificate number of a calibration' })),
  by: Type.String({ description: 'display name of who recorded it' }),
  recordedAt: Time(),
});
export type CalibrationRecord = Static<typeof CalibrationRecord>;

/** POST /api/kitchens/{id}/devices/{deviceId}/calibrations (admin, inspector, the kitchen's manager). */
export const CalibrationRequest = Type.Object(
  {
    date: LocalDate(),
    kind: Type.Union([Type.Literal('calibration'), Type.Literal('field_check')]),
    referenceC: Type.Number({ minimum: -60, maximum: 150 }),
    readingC: Type.Number({ minimum: -60, maximum: 150 }),
    certificate: Type.Optional(Type.String({ maxLength: 60, description: 'the metrology certificate number: required for a calibration (400 invalid_body without), none for a field check' })),
  },
  { additionalProperties: false },
);
export type CalibrationRequest = Static<typeof CalibrationRequest>;

/** A unit's calibration state: its last calibration and when the next is due. */
export const UnitCalibration = Type.Object({
  deviceId: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  lastCalibratedOn: Nullable(LocalDate()),
  dueOn: Nullable(LocalDate('null: never calibrated (due now)')),
  lastCheck: Type.Union([CalibrationRecord, Type.Null()], { description: 'the newest record of either kind' }),
});
export type UnitCalibration = Static<typeof UnitCalibration>;

export const REMINDER_KINDS = ['licence', 'health_certificate', 'calibration'] as const;
export const ReminderKind = Type.Union(REMINDER_KINDS.map((k) => Type.Literal(k)));
export type ReminderKind = Static<typeof ReminderKind>;

/** Something in the registry that lapses soon or has lapsed; each also raises a 'reminder' alert. */
export const Reminder = Type.Object({
  kind: ReminderKind,
  ruleId: Type.String({ description: 'FS-CAL-DUE, FS-REG-HEALTH-CERT or FS-REG-LICENCE' }),
  subject: Type.String({ description: 'deviceId, staff-{id} or licence: the alert subject' }),
  subjectName: Type.String(),
  dueOn: Nullable(LocalDate('null: nothing on file')),
  daysLeft: Type.Union([Type.Integer(), Type.Null()], { description: 'negative: lapsed' }),
  reason: Type.String(),
});
export type Reminder = Static<typeof Reminder>;

/** The registry facts of a kitchen (GET /api/kitchens/{id}/registry). */
export const KitchenRegistry = Type.Object({
  kitchenId: Type.String(),
  name: Type.String(),
  siteNumber: Nullable(Type.String({ description: 'unified site number shown on the site sign' })),
  siteType: Type.String(),
  address: Type.String(),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  licenceNumber: Nullable(Type.String()),
  licenceExpiresOn: Nullable(LocalDate()),
  riskGrade: Type.Union([RiskGrade, Type.Null()]),
  lastInspection: Type.Union([Inspection, Type.Null()], { description: 'stays posted until the next (SAMR Order 49)' }),
  jurisdictions: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  staff: Type.Array(StaffMember),
  units: Type.Array(UnitCalibration),
  reminders: Type.Array(Reminder),
});
export type KitchenRegistry = Static<typeof KitchenRegistry>;

/** PUT /api/kitchens/{id}/registry (admin): the facts to change; omitted ones stay. */
export const RegistryUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    siteNumber: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    siteType: Type.Optional(SiteType),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    lng: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
    licenceNumber: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    licenceExpiresOn: Type.Optional(Nullable(LocalDate())),
    riskGrade: Type.Optional(Type.Union([RiskGrade, Type.Null()])),
  },
  { additionalProperties: false },
);
export type RegistryUpdate = Static<typeof RegistryUpdate>;

/** POST /api/kitchens (admin): registers a new site. */
export const KitchenCreateRequest = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
    name: Type.String({ minLength: 1, maxLength: 80 }),
    district: Type.String({ maxLength: 80 }),
    address: Type.String({ maxLength: 200 }),
    siteType: SiteType,
    timezone: Type.Optional(Type.String({ maxLength: 64, description: 'an IANA time zone (default Asia/Shanghai), stored in its canonical spelling' })),
    profile: Type.Optional(Type.String({ maxLength: 64, description: 'a rule profile id (default CN-GB31654)' })),
    jurisdictions: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);
export type KitchenCreateRequest = Static<typeof KitchenCreateRequest>;

/** POST /api/kitchens/{id}/gateways (admin): creates a gateway's broker credentials. */
export const ProvisionRequest = Type.Object(
  { gatewayId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), rotate: Type.Optional(Type.Boolean({ description: 'replace the secret of an existing gateway of this kitchen' })) },
  { additionalProperties: false },
);
export type ProvisionRequest = Static<typeof ProvisionRequest>;

/** The answer to a provisioning: the only time the secret is ever shown. */
export const ProvisionedGateway = Type.Object({
  kitchenId: Type.String(),
  gatewayId: Type.String(),
  username: Type.String(),
  secret: Type.String({ description: 'shown once; only its scrypt hash is kept' }),
  mqttUrl: Nullable(Type.String()),
  topicPrefix: Type.String(),
});
export type ProvisionedGateway = Static<typeof ProvisionedGateway>;
