// The OpenAPI 3.1 document, built from the same TypeBox schemas the code uses,
// so the description cannot drift from the DTOs.
import { Type, type TSchema } from '@sinclair/typebox';
import { Alert, ApiError, Device, Gateway, Kitchen, LatestReading, SampleDay, SampleDto, Series } from '../../../contracts/api.ts';
import { COMMAND_NAMES } from '../../../contracts/payloads.ts';
import { AI_REVIEW_STATES, AiEventDto, AiReviewBody, CameraDto } from '../../../contracts/camera-api.ts';
import { AlertHistoryEntry, AuditVerification, CloseRequest, CommentRequest, ResolveRequest } from '../../../contracts/alert-workflow.ts';
import { Channel, ChannelRequest, Delivery } from '../../../contracts/notifications.ts';
import { API_ERRORS } from './errors.ts';
import { createKitchenOperation, registryPaths, registrySchemas } from './openapi-registry.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const ok = (schema: object, description = 'OK') => ({ 200: { description, content: json(schema) } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [c, { description: 'Error with a stable code (docs/errors.md)', content: json(ref('ApiError')) }]));
const pathParam = (name: string, schema: object = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' }) =>
  ({ name, in: 'path', required: true, schema });
const queryParam = (name: string, description: string, schema: object = { type: 'string' }) =>
  ({ name, in: 'query', required: false, description, schema });

function strip(schema: TSchema): object {
  return JSON.parse(JSON.stringify(schema)) as object;
}

export function openApiDocument(): object {
  const alertPath = pathParam('alertId', { type: 'integer', minimum: 1 });
  /** The acting person is the session's user, never a name in the body. */
  const alertAction = (summary: string, body?: { schema: string; required: boolean }) => ({
    post: {
      summary, parameters: [alertPath],
      ...(body ? { requestBody: { required: body.required, content: json(ref(body.schema)) } } : {}),
      responses: { ...ok(ref('Alert')), ...errors(400, 403, 404, 409) },
    },
  });
  return {
    openapi: '3.1.0',
    info: { title: 'Kitchen cold-chain monitoring API', version: '1.0.0', description: `Error codes: ${Object.keys(API_ERRORS).join(', ')}` },
    paths: {
      '/api/kitchens': { get: { summary: 'The district\'s kitchens', responses: ok(Type.Array(Type.Unsafe(ref('Kitchen')))) }, post: createKitchenOperation() },
      '/api/kitchens/{kitchenId}': { get: { summary: 'One kitchen', parameters: [pathParam('kitchenId')], responses: { ...ok(ref('Kitchen')), ...errors(400, 404) } } },
      '/api/kitchens/{kitchenId}/devices': { get: { summary: 'A kitchen\'s units', parameters: [pathParam('kitchenId')], responses: { ...ok({ type: 'array', items: ref('Device') }), ...errors(400, 404) } } },
      '/api/devices': { get: { summary: 'Every unit', responses: ok({ type: 'array', items: ref('Device') }) } },
      '/api/latest': { get: { summary: 'Latest reading and state of each unit', parameters: [queryParam('kitchen', 'only this kitchen')], responses: { ...ok({ type: 'array', items: ref('LatestReading') }), ...errors(400, 404) } } },
      '/api/kitchens/{kitchenId}/devices/{deviceId}/series': {
        get: {
          summary: 'A unit\'s temperatures over a time range (raw up to 3 h, downsampled mean/min/max beyond; at most 31 days)',
          parameters: [pathParam('kitchenId'), pathParam('deviceId'), queryParam('from', 'ISO 8601; default to − 24 h', { type: 'string', format: 'date-time' }), queryParam('to', 'ISO 8601; default now', { type: 'string', format: 'date-time' })],
          responses: { ...ok(ref('Series')), ...errors(400, 404, 503) },
        },
      },
      '/api/alerts': { get: { summary: 'Alerts, newest first', parameters: [queryParam('kitchen', 'only this kitchen'), queryParam('status', 'open (not closed) or one status', { type: 'string', enum: ['open', 'active', 'acknowledged', 'resolved', 'closed'] })], responses: { ...ok({ type: 'array', items: ref('Alert') }), ...errors(400) } } },
      '/api/alerts/{alertId}': { get: { summary: 'One alert', parameters: [pathParam('alertId', { type: 'integer', minimum: 1 })], responses: { ...ok(ref('Alert')), ...errors(400, 404) } } },
      '/api/alerts/{alertId}/acknowledge': alertAction('Acknowledge an active alert (no body)'),
      '/api/alerts/{alertId}/resolve': alertAction('Resolve with the corrective action: cause, what was done, what became of the food (an active alert is acknowledged by the same person first)', { schema: 'ResolveRequest', required: true }),
      '/api/alerts/{alertId}/close': alertAction('Verify the corrective action and close a resolved alert; 403 for the person who resolved it (unless admin)', { schema: 'CloseRequest', required: false }),
      '/api/alerts/{alertId}/comments': {
        post: {
          summary: 'Comment on an alert (anyone who sees its kitchen, except auditors)', parameters: [alertPath],
          requestBody: { required: true, content: json(ref('CommentRequest')) },
          responses: { 201: { description: 'the comment as a history entry', content: json(ref('AlertHistoryEntry')) }, ...errors(400, 403, 404) },
        },
      },
      '/api/alerts/{alertId}/history': { get: { summary: "An alert's history, oldest first: raised and cleared by the rules, then every person's act from the audit log", parameters: [alertPath], responses: { ...ok({ type: 'array', items: ref('AlertHistoryEntry') }), ...errors(400, 404) } } },
      '/api/audit/verify': { get: { summary: 'Recompute the audit log\'s hash chain (admin and auditor)', responses: { ...ok(ref('AuditVerification')), ...errors(403) } } },
      '/api/audit': {
        get: {
          summary: 'Audit log entries, newest first (admin and auditor; inspectors for the kitchens in their scope)',
          parameters: [queryParam('kitchen', 'only this kitchen'), queryParam('limit', '1..1000, default 100', { type: 'integer', minimum: 1, maximum: 1000 })],
          responses: { 200: { description: 'entries: {seq, at, actor, role, action, subject, kitchenId, data, prevHash, hash}' }, ...errors(400, 403, 404) },
        },
      },
      '/api/gateways': { get: { summary: 'Gateways and their last reported state (online / offline via the last will)', parameters: [queryParam('kitchen', 'only this kitchen')], responses: { ...ok({ type: 'array', items: ref('Gateway') }), ...errors(400) } } },
      '/api/kitchens/{kitchenId}/gateways/{gatewayId}/commands': {
        post: {
          summary: 'Send a command to a gateway and wait for its reply (correlated by id; 10 s timeout)',
          parameters: [pathParam('kitchenId'), pathParam('gatewayId')],
          requestBody: { required: true, content: json({ type: 'object', required: ['name'], properties: { name: { type: 'string', enum: [...COMMAND_NAMES] }, args: { type: 'object' } } }) },
          responses: { 200: { description: 'the gateway\'s reply: {v, id, ok, result?, error?}' }, ...errors(400, 404, 504) },
        },
      },
      '/api/kitchens/{kitchenId}/samples': {
        get: {
          summary: "A kitchen's food-sample board for a day: each service, each dish on its menu, its sample and status",
          parameters: [pathParam('kitchenId'), queryParam('date', "site-local date; default the site's today", { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })],
          responses: { ...ok(ref('SampleDay')), ...errors(400, 404) },
        },
        post: {
          summary: 'Record a sample by hand (FS-SAMPLE-RECORD: dish, date, meal, placedAt, placedBy and netWeightG are required)',
          parameters: [pathParam('kitchenId')],
          requestBody: { required: true, content: json({ type: 'object', required: ['date', 'meal', 'dish', 'netWeightG', 'placedAt', 'placedBy', 'cabinet', 'slot'] }) },
          responses: { 201: { description: 'the recorded sample', content: json(ref('Sample')) }, ...errors(400, 404) },
        },
      },
      '/api/kitchens/{kitchenId}/meal-times': { put: { summary: "Set the kitchen's meal times (site-local HH:MM)", parameters: [pathParam('kitchenId')], responses: { 200: { description: 'the meal times' }, ...errors(400, 404) } } },
      '/api/kitchens/{kitchenId}/menus/{date}/{meal}': { put: { summary: "Set a service's menu: {\"dishes\": [...]}", parameters: [pathParam('kitchenId'), pathParam('date', { type: 'string' }), pathParam('meal', { type: 'string', enum: ['breakfast', 'lunch', 'dinner'] })], responses: { 200: { description: 'the menu' }, ...errors(400, 404) } } },
      '/api/samples/{sampleId}/seal': { post: { summary: 'Seal a sample after a suspected food-borne illness (FS-SAMPLE-SEAL): {"by": "<name>"}', parameters: [pathParam('sampleId', { type: 'integer', minimum: 1 })], responses: { ...ok(ref('Sample')), ...errors(400, 404, 409) } } },
      '/api/samples/{sampleId}/dispose': { post: { summary: 'Dispose of a sample after its retention (409 if sealed or still in retention): {"by": "<name>"}', parameters: [pathParam('sampleId', { type: 'integer', minimum: 1 })], responses: { ...ok(ref('Sample')), ...errors(400, 404, 409) } } },
      '/api/cameras': { get: { summary: 'Bright-kitchen cameras with their health, retention and today\'s uptime in service hours', parameters: [queryParam('kitchen', 'only this kitchen')], responses: { ...ok({ type: 'array', items: ref('Camera') }), ...errors(400, 404) } } },
      '/api/ai-events': {
        get: {
          summary: 'AI events (FS-AI-EVENT), newest first; each groups a camera\'s detections of one category within 10 min',
          parameters: [queryParam('kitchen', 'only this kitchen'), queryParam('review', 'only this review state', { type: 'string', enum: [...AI_REVIEW_STATES] }), queryParam('limit', '1..500, default 100', { type: 'integer', minimum: 1, maximum: 500 })],
          responses: { ...ok({ type: 'array', items: ref('AiEvent') }), ...errors(400, 404) },
        },
      },
      '/api/ai-events/{id}/review': {
        post: {
          summary: 'Confirm or reject an AI event, once, naming who decided; a rejection closes its alert',
          parameters: [pathParam('id', { type: 'integer', minimum: 1 })],
          requestBody: { required: true, content: json(ref('AiReview')) },
          responses: { ...ok(ref('AiEvent')), ...errors(400, 404, 409) },
        },
      },
      '/api/snapshots/{sha256}': { get: { summary: 'An AI event\'s snapshot (JPEG), named by its SHA-256', parameters: [pathParam('sha256', { type: 'string', pattern: '^[0-9a-f]{64}$' })], responses: { 200: { description: 'image/jpeg' }, ...errors(400, 404) } } },
      '/video/{kitchenId}/{cameraId}': { get: { summary: 'WebSocket (upgrade): the camera\'s live video, binary MPEG-TS (MPEG-1) as JSMpeg plays it; close code 4404 unknown camera, 4502 the gateway refused', parameters: [pathParam('kitchenId'), pathParam('cameraId')], responses: { 101: { description: 'Switching Protocols' }, 400: { description: 'not a valid camera path' } } } },
      '/api/kitchens/{kitchenId}/channels': {
        get: { summary: "A site's notification channels, its escalation chain (kitchen:read; a robot URL is shown as scheme://host/*** to those who may not change the channel; a secret is never shown, only hasSecret)", parameters: [pathParam('kitchenId')], responses: { ...ok({ type: 'array', items: ref('Channel') }), ...errors(400, 404) } },
        post: { summary: 'Add a channel (channels:write; one listening to escalated_inspector: administrators only): gateway (target a gatewayId or "*"), webhook, wecom or dingtalk (target a public http(s) URL without credentials, the robots their official endpoint, unless NOTIFY_ALLOW_ORIGINS allows the origin; a DingTalk secret signs)', parameters: [pathParam('kitchenId')], requestBody: { required: true, content: json(ref('ChannelRequest')) }, responses: { 201: { description: 'the channel', content: json(ref('Channel')) }, ...errors(400, 403, 404) } },
      },
      '/api/kitchens/{kitchenId}/channels/{channelId}': {
        put: { summary: 'Replace a channel (channels:write; escalated_inspector before or after: administrators only); secret omitted keeps the stored one while kind and target stay the same, null removes it', parameters: [pathParam('kitchenId'), pathParam('channelId', { type: 'integer', minimum: 1 })], requestBody: { required: true, content: json(ref('ChannelRequest')) }, responses: { ...ok(ref('Channel')), ...errors(400, 403, 404) } },
        delete: { summary: 'Remove a channel (channels:write; escalated_inspector: administrators only); its deliveries stay on record', parameters: [pathParam('kitchenId'), pathParam('channelId', { type: 'integer', minimum: 1 })], responses: { 204: { description: 'removed' }, ...errors(400, 403, 404) } },
      },
      '/api/kitchens/{kitchenId}/channels/{channelId}/test': { post: { summary: 'Send a test message to the channel now, once, whatever its steps and quiet hours (channels:write), at most once per channel per 10 s; its delivery has alertId 0; audited as channel.tested', parameters: [pathParam('kitchenId'), pathParam('channelId', { type: 'integer', minimum: 1 })], responses: { ...ok(ref('Delivery')), ...errors(400, 403, 404, 429) } } },
      '/api/kitchens/{kitchenId}/deliveries': { get: { summary: "A site's notification deliveries, newest first", parameters: [pathParam('kitchenId'), queryParam('alert', 'only this alert', { type: 'integer', minimum: 1 }), queryParam('limit', '1..1000, default 100', { type: 'integer', minimum: 1, maximum: 1000 })], responses: { ...ok({ type: 'array', items: ref('Delivery') }), ...errors(400, 404) } } },
      '/api/alerts/{alertId}/deliveries': { get: { summary: "Who was told about an alert, how and when: every delivery of its raise and escalations, oldest first", parameters: [alertPath], responses: { ...ok({ type: 'array', items: ref('Delivery') }), ...errors(400, 404) } } },
      '/healthz': { get: { summary: 'Broker, InfluxDB and SQL store state; 200 only when all are up', responses: { 200: { description: 'all up' }, 503: { description: 'something is down' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { 200: { description: 'text/plain; version=0.0.4' } } } },
      ...registryPaths(),
    },
    components: {
      schemas: {
        Kitchen: strip(Kitchen), Device: strip(Device), LatestReading: strip(LatestReading), Series: strip(Series),
        Alert: strip(Alert), ApiError: strip(ApiError), Gateway: strip(Gateway), Sample: strip(SampleDto), SampleDay: strip(SampleDay),
        Camera: strip(CameraDto), AiEvent: strip(AiEventDto), AiReview: strip(AiReviewBody),
        ResolveRequest: strip(ResolveRequest), CloseRequest: strip(CloseRequest), CommentRequest: strip(CommentRequest),
        AlertHistoryEntry: strip(AlertHistoryEntry), AuditVerification: strip(AuditVerification),
        ...registrySchemas(),
        Channel: strip(Channel), ChannelRequest: strip(ChannelRequest), Delivery: strip(Delivery),
      },
    },
  };
}
