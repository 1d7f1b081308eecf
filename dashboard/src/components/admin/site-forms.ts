// The two site dialogs: registering a new site (POST /api/kitchens) and editing a site's
// registry facts (PUT …/registry) and its jurisdictions (PUT …/jurisdictions). Each is checked
// here as the server checks it, and only what changed is sent.
import type { Kitchen } from '../../../../contracts/api.ts';
import type { Jurisdiction } from '../../../../contracts/auth.ts';
import { RISK_GRADES, SITE_TYPES, type KitchenRegistry } from '../../../../contracts/registry.ts';
import { adminApi } from '../../admin-api.ts';
import { checkRegistryUpdate, checkSiteCreate, registryValues, sameIds, siteTypeKey, type RegistryValues } from '../../admin-sites.ts';
import { h } from '../../dom.ts';
import { t } from '../../i18n.ts';
import { openAdminDialog } from './admin-dialog.ts';
import { clearErrors, errorLine, field, formActions, input, select, showCheck, submitting } from './fields.ts';
import { jurisdictionPicker } from './jurisdiction-picker.ts';

const siteTypeOptions = (): [string, string][] => SITE_TYPES.map((s) => [s, t(siteTypeKey(s)!)]);

export interface SiteCreateOptions {
  jurisdictions: readonly Jurisdiction[];
  onCreated(kitchen: Kitchen): void;
}

export function openSiteCreate(opts: SiteCreateOptions): void {
  const d = openAdminDialog('site-dialog', t('admin.sites.new'));
  const id = input('id', { maxlength: 64, required: true, pattern: '[A-Za-z0-9_-]{1,64}', autocapitalize: 'none' });
  const name = input('name', { maxlength: 80, required: true });
  const district = input('district', { maxlength: 80 });
  const address = input('address', { maxlength: 200 });
  const siteType = select('siteType', [['', t('admin.choose')], ...siteTypeOptions()]);
  const picker = jurisdictionPicker('jurisdictions', t('admin.sites.jurisdictions'), opts.jurisdictions, []);
  const error = errorLine();
  const actions = formActions(t('admin.sites.create'), d.close, error);
  const form = h(
    'form',
    { class: 'admin-form site-create-form', novalidate: true },
    h(
      'div',
      { class: 'admin-grid' },
      field(t('admin.sites.id'), id, { required: true, hint: t('admin.hint.id') }),
      field(t('admin.sites.name'), name, { required: true }),
      field(t('admin.sites.type'), siteType, { required: true, hint: t('admin.hint.siteType') }),
      field(t('admin.sites.district'), district),
      field(t('admin.sites.address'), address, { wide: true }),
      picker.el,
    ),
    actions.el,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form, error);
    const checked = checkSiteCreate({
      id: id.value, name: name.value, district: district.value, address: address.value, siteType: siteType.value, jurisdictions: picker.value(),
    });
    if (!checked.ok) return showCheck(form, error, checked);
    void submitting(actions.submit, error, () => adminApi.createKitchen(checked.value)).then((kitchen) => {
      if (!kitchen) return;
      d.close();
      opts.onCreated(kitchen);
    });
  });
  d.body.append(form);
  id.focus();
}

export interface SiteEditOptions {
  registry: KitchenRegistry;
  jurisdictions: readonly Jurisdiction[];
  onSaved(): void;
}

export function openSiteEdit(opts: SiteEditOptions): void {
  const r = opts.registry;
  const d = openAdminDialog('site-dialog', t('admin.sites.editTitle', { name: r.name }));
  const v = registryValues(r);
  const controls = {
    name: input('name', { maxlength: 80, required: true, value: v.name }),
    siteNumber: input('siteNumber', { maxlength: 40, value: v.siteNumber }),
    siteType: select('siteType', siteTypeOptions(), v.siteType),
    address: input('address', { maxlength: 200, value: v.address }),
    lat: input('lat', { inputmode: 'decimal', value: v.lat }),
    lng: input('lng', { inputmode: 'decimal', value: v.lng }),
    licenceNumber: input('licenceNumber', { maxlength: 40, value: v.licenceNumber }),
    licenceExpiresOn: input('licenceExpiresOn', { type: 'date', value: v.licenceExpiresOn }),
    riskGrade: select('riskGrade', [['', t('admin.sites.gradeNone')], ...RISK_GRADES.map((g) => [g, g] as [string, string])], v.riskGrade),
  } satisfies Record<keyof RegistryValues, HTMLInputElement | HTMLSelectElement>;
  const before = r.jurisdictions.map((j) => j.id);
  const picker = jurisdictionPicker('jurisdictions', t('admin.sites.jurisdictions'), opts.jurisdictions, before);
  const error = errorLine();
  const actions = formActions(t('admin.save'), d.close, error);
  const form = h(
    'form',
    { class: 'admin-form site-edit-form', novalidate: true },
    h('p', { class: 'muted admin-form-note' }, t('admin.sites.idLine', { id: r.kitchenId })),
    h(
      'div',
      { class: 'admin-grid' },
      field(t('admin.sites.name'), controls.name, { required: true }),
      field(t('admin.sites.siteNumber'), controls.siteNumber),
      field(t('admin.sites.type'), controls.siteType),
      field(t('admin.sites.grade'), controls.riskGrade),
      field(t('admin.sites.address'), controls.address, { wide: true }),
      field(t('admin.sites.lat'), controls.lat, { hint: t('admin.hint.lat') }),
      field(t('admin.sites.lng'), controls.lng, { hint: t('admin.hint.lng') }),
      field(t('admin.sites.licenceNumber'), controls.licenceNumber),
      field(t('admin.sites.licenceExpires'), controls.licenceExpiresOn),
      picker.el,
    ),
    actions.el,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form, error);
    const values = Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, c.value])) as unknown as RegistryValues;
    const checked = checkRegistryUpdate(r, values);
    if (!checked.ok) return showCheck(form, error, checked);
    const next = picker.value();
    void submitting(actions.submit, error, async () => {
      if (Object.keys(checked.value).length) await adminApi.updateRegistry(r.kitchenId, checked.value);
      if (!sameIds(before, next)) await adminApi.setKitchenJurisdictions(r.kitchenId, next);
      return true;
    }).then((done) => {
      if (!done) return;
      d.close();
      opts.onSaved();
    });
  });
  d.body.append(form);
  controls.name.focus();
}
