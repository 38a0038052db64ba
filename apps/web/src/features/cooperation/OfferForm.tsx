import { type CooperationAgreement, createOfferRequest, type Offer, type Provider, updateOfferRequest } from '@lotse/contracts';
import {
  CAPACITY_PERIOD_LABELS_DE,
  CAPACITY_PERIODS,
  CAPACITY_UNIT_LABELS_DE,
  CAPACITY_UNITS,
  FINANCING_MODEL_LABELS_DE,
  FINANCING_MODELS,
  MAX_PLANNED_DURATION_DAYS,
  MEASURE_BEGIN_RULE_LABELS_DE,
  MEASURE_BEGIN_RULES,
  OFFER_TARGET_GROUP_LABELS_DE,
  OFFER_TARGET_GROUPS,
  SERVICE_TYPE_LABELS_DE,
  SERVICE_TYPES,
} from '@lotse/domain';
import { CheckboxField, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/FormField';
import { useAnnounce } from '../../components/Status';
import { t } from '../../i18n';
import type { FieldProblem } from '../cases/caseFormKit';
import type { CreateOfferBody, UpdateOfferBody } from './api';
import {
  ActiveField,
  AddressRows,
  blankToNull,
  centsToInput,
  type FieldMap,
  type FormBinding,
  firstPerField,
  newRowKey,
  numberToInput,
  PhoneEmailRow,
  ProviderChoice,
  parseDecimal,
  parseEuroCents,
  schemaProblems,
  type TextBinding,
  textBinding,
  wholeInRange,
} from './kit';
import { validityText } from './labels';
import { RowsFieldset, rowActions } from './rows';

export interface LocationRow {
  key: string;
  label: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  latitude: string;
  longitude: string;
  openingHours: string;
  accessible: boolean;
}

export interface ContactRow {
  key: string;
  name: string;
  function: string;
  phone: string;
  email: string;
}

export interface OfferValues {
  providerId: string;
  name: string;
  serviceType: string;
  description: string;
  agreementId: string;
  targetGroups: string[];
  capacity: string;
  capacityUnit: string;
  capacityPeriod: string;
  waitingDays: string;
  financingModel: string;
  price: string;
  priceUnit: string;
  measureBeginRule: string;
  plannedDurationDays: string;
  locations: LocationRow[];
  contacts: ContactRow[];
  active: boolean;
}

const emptyLocation = (): LocationRow => ({
  key: newRowKey(),
  label: '',
  street: '',
  houseNumber: '',
  postalCode: '',
  city: '',
  latitude: '',
  longitude: '',
  openingHours: '',
  accessible: false,
});

const emptyContact = (): ContactRow => ({ key: newRowKey(), name: '', function: '', phone: '', email: '' });

export const emptyOffer = (providerId: string, serviceType = ''): OfferValues => ({
  providerId,
  name: '',
  serviceType,
  description: '',
  agreementId: '',
  targetGroups: ['all'],
  capacity: '',
  capacityUnit: 'places',
  capacityPeriod: 'month',
  waitingDays: '',
  financingModel: '',
  price: '',
  priceUnit: '',
  measureBeginRule: 'start',
  plannedDurationDays: '',
  locations: [emptyLocation()],
  contacts: [],
  active: true,
});

/** Rows of a loaded offer get keys from the data (location id, contact position), so two loads compare equal. */
export const offerValues = (o: Offer): OfferValues => ({
  providerId: o.provider.id,
  name: o.name,
  serviceType: o.serviceType,
  description: o.description ?? '',
  agreementId: o.agreement?.id ?? '',
  targetGroups: OFFER_TARGET_GROUPS.filter((g) => o.targetGroups.includes(g)),
  capacity: o.capacity === null ? '' : String(o.capacity),
  capacityUnit: o.capacityUnit,
  capacityPeriod: o.capacityPeriod,
  waitingDays: o.waitingDays === null ? '' : String(o.waitingDays),
  financingModel: o.financingModel,
  price: centsToInput(o.priceCents),
  priceUnit: o.priceUnit ?? '',
  measureBeginRule: o.measureBeginRule,
  plannedDurationDays: o.plannedDurationDays === null ? '' : String(o.plannedDurationDays),
  locations: o.locations.map((l) => ({
    key: l.id,
    label: l.label,
    street: l.street ?? '',
    houseNumber: l.houseNumber ?? '',
    postalCode: l.postalCode ?? '',
    city: l.city ?? '',
    latitude: numberToInput(l.latitude),
    longitude: numberToInput(l.longitude),
    openingHours: l.openingHours ?? '',
    accessible: l.accessible,
  })),
  contacts: o.contacts.map((c, i) => ({
    key: `contact-${i}`,
    name: c.name,
    function: c.function ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
  })),
  active: o.active,
});

export function offerLabels(): Record<keyof OfferValues, string> {
  return {
    providerId: t('cooperation.offerProvider'),
    name: t('cooperation.offerName'),
    serviceType: t('cooperation.serviceType'),
    description: t('cooperation.offerDescription'),
    agreementId: t('cooperation.offerAgreement'),
    targetGroups: t('cooperation.targetGroups'),
    capacity: t('cooperation.capacity'),
    capacityUnit: t('cooperation.capacityUnit'),
    capacityPeriod: t('cooperation.capacityPeriod'),
    waitingDays: t('cooperation.waitingDaysField'),
    financingModel: t('cooperation.financingModel'),
    price: t('cooperation.price'),
    priceUnit: t('cooperation.priceUnit'),
    measureBeginRule: t('cooperation.measureBeginRule'),
    plannedDurationDays: t('cooperation.plannedDurationDays'),
    locations: t('cooperation.locations'),
    contacts: t('cooperation.contacts'),
    active: t('cooperation.offerActive'),
  };
}

const LOCATION_FIELDS = [
  'label',
  'street',
  'houseNumber',
  'postalCode',
  'city',
  'latitude',
  'longitude',
  'openingHours',
  'accessible',
] as const;
const CONTACT_FIELDS = ['name', 'function', 'phone', 'email'] as const;

function locationLabel(field: (typeof LOCATION_FIELDS)[number]): string {
  const keys = {
    label: 'cooperation.locationLabel',
    street: 'cooperation.street',
    houseNumber: 'cooperation.houseNumber',
    postalCode: 'cooperation.postalCode',
    city: 'cooperation.city',
    latitude: 'cooperation.latitude',
    longitude: 'cooperation.longitude',
    openingHours: 'cooperation.openingHours',
    accessible: 'cooperation.accessible',
  } as const;
  return t(keys[field]);
}

function contactLabel(field: (typeof CONTACT_FIELDS)[number]): string {
  const keys = {
    name: 'cooperation.contactName',
    function: 'cooperation.contactFunction',
    phone: 'cooperation.phone',
    email: 'cooperation.email',
  } as const;
  return t(keys[field]);
}

export const locationId = (row: { key: string }, field: string) => `offer-loc-${row.key}-${field}`;
export const contactId = (row: { key: string }, field: string) => `offer-contact-${row.key}-${field}`;

/** Field paths (as the API names them) → control ids and labels, in screen order. */
export function offerFieldMap(values: OfferValues, mode: 'create' | 'edit'): FieldMap {
  const labels = offerLabels();
  const map: FieldMap = {};
  const add = (key: keyof OfferValues, field = key as string) => {
    map[field] = { id: `offer-${key}`, label: labels[key] };
  };
  if (mode === 'create') add('providerId');
  for (const key of ['name', 'serviceType', 'description', 'agreementId', 'targetGroups'] as const) add(key);
  for (const key of ['capacity', 'capacityUnit', 'capacityPeriod', 'waitingDays', 'financingModel'] as const) add(key);
  add('price', 'priceCents');
  add('priceUnit');
  add('measureBeginRule');
  add('plannedDurationDays');
  map.locations = { id: 'offer-add-location', label: labels.locations };
  values.locations.forEach((row, i) => {
    for (const f of LOCATION_FIELDS) {
      map[`locations.${i}.${f}`] = {
        id: locationId(row, f),
        label: t('cooperation.locationFieldN', { n: i + 1, field: locationLabel(f) }),
      };
    }
  });
  map.contacts = { id: 'offer-add-contact', label: labels.contacts };
  values.contacts.forEach((row, i) => {
    for (const f of CONTACT_FIELDS) {
      map[`contacts.${i}.${f}`] = { id: contactId(row, f), label: t('cooperation.contactFieldN', { n: i + 1, field: contactLabel(f) }) };
    }
  });
  if (mode === 'edit') add('active');
  return map;
}

const locationSchema = createOfferRequest.shape.locations.element;
const contactSchema = createOfferRequest.shape.contacts.unwrap().element;

function locationsBody(rows: LocationRow[], problems: FieldProblem[]) {
  return rows.map((row, i) => {
    const coordinate = (field: 'latitude' | 'longitude', limit: number): number => {
      const n = parseDecimal(row[field]);
      const path = `locations.${i}.${field}`;
      if (n === undefined) problems.push({ field: path, message: t('validation.required') });
      else if (n === null || Math.abs(n) > limit)
        problems.push({ field: path, message: t(field === 'latitude' ? 'cooperation.latitudeInvalid' : 'cooperation.longitudeInvalid') });
      return typeof n === 'number' ? n : Number.NaN;
    };
    const latitude = coordinate('latitude', 90);
    const longitude = coordinate('longitude', 180);
    const body = {
      label: row.label.trim(),
      street: blankToNull(row.street),
      houseNumber: blankToNull(row.houseNumber),
      postalCode: blankToNull(row.postalCode),
      city: blankToNull(row.city),
      latitude,
      longitude,
      openingHours: blankToNull(row.openingHours),
      accessible: row.accessible,
    };
    problems.push(...schemaProblems(locationSchema, body, `locations.${i}.`));
    return body;
  });
}

function contactsBody(rows: ContactRow[], problems: FieldProblem[]) {
  return rows.map((row, i) => {
    const body = {
      name: row.name.trim(),
      function: blankToNull(row.function),
      phone: blankToNull(row.phone),
      email: blankToNull(row.email),
    };
    problems.push(...schemaProblems(contactSchema, body, `contacts.${i}.`));
    return body;
  });
}

/** The numbers typed as text, each checked with a German message. */
function numbers(v: OfferValues, problems: FieldProblem[]) {
  const capacity = wholeInRange(problems, 'capacity', v.capacity, { min: 0, max: 100_000 });
  const waitingDays = wholeInRange(problems, 'waitingDays', v.waitingDays, { min: 0, max: 730 });
  const plannedDurationDays = wholeInRange(problems, 'plannedDurationDays', v.plannedDurationDays, {
    min: 1,
    max: MAX_PLANNED_DURATION_DAYS,
  });
  const cents = parseEuroCents(v.price);
  if (cents === null || (typeof cents === 'number' && cents > 100_000_000))
    problems.push({ field: 'priceCents', message: t('cooperation.priceInvalid') });
  return {
    capacity: capacity ?? null,
    waitingDays: waitingDays ?? null,
    plannedDurationDays: plannedDurationDays ?? null,
    priceCents: typeof cents === 'number' ? cents : null,
  };
}

const topCreate = createOfferRequest.omit({ locations: true, contacts: true });
const topUpdate = updateOfferRequest.omit({ locations: true, contacts: true });

export function offerCreateBody(v: OfferValues): { body: CreateOfferBody; problems: FieldProblem[] } {
  const manual: FieldProblem[] = [];
  if (!v.providerId) manual.push({ field: 'providerId', message: t('validation.choose') });
  if (!v.serviceType) manual.push({ field: 'serviceType', message: t('validation.choose') });
  if (!v.financingModel) manual.push({ field: 'financingModel', message: t('validation.choose') });
  const n = numbers(v, manual);
  const top = {
    providerId: v.providerId,
    agreementId: v.agreementId || null,
    name: v.name.trim(),
    description: blankToNull(v.description),
    serviceType: v.serviceType,
    targetGroups: v.targetGroups,
    capacity: n.capacity,
    capacityUnit: v.capacityUnit,
    capacityPeriod: v.capacityPeriod,
    waitingDays: n.waitingDays,
    financingModel: v.financingModel,
    priceCents: n.priceCents,
    priceUnit: blankToNull(v.priceUnit),
    measureBeginRule: v.measureBeginRule,
    plannedDurationDays: n.plannedDurationDays,
  };
  const rows: FieldProblem[] = [];
  const locations = locationsBody(v.locations, rows);
  const contacts = contactsBody(v.contacts, rows);
  if (v.locations.length === 0) rows.push({ field: 'locations', message: t('cooperation.locationsRequired') });
  const body = { ...top, locations, contacts } as CreateOfferBody;
  return { body, problems: firstPerField(manual, schemaProblems(topCreate, top), rows) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The changed fields only; `locations` replaces all locations, `contacts` all contacts. */
export function offerUpdateBody(v: OfferValues, base: OfferValues): { body: UpdateOfferBody; problems: FieldProblem[] } {
  const manual: FieldProblem[] = [];
  const n = numbers(v, manual);
  const body: UpdateOfferBody = {};
  if (v.name.trim() !== base.name.trim()) body.name = v.name.trim();
  if (v.serviceType !== base.serviceType) body.serviceType = v.serviceType as UpdateOfferBody['serviceType'];
  if (v.description.trim() !== base.description.trim()) body.description = blankToNull(v.description);
  if (v.agreementId !== base.agreementId) body.agreementId = v.agreementId || null;
  if (!same(v.targetGroups, base.targetGroups)) body.targetGroups = v.targetGroups as UpdateOfferBody['targetGroups'];
  if (v.capacity.trim() !== base.capacity) body.capacity = n.capacity;
  if (v.capacityUnit !== base.capacityUnit) body.capacityUnit = v.capacityUnit as UpdateOfferBody['capacityUnit'];
  if (v.capacityPeriod !== base.capacityPeriod) body.capacityPeriod = v.capacityPeriod as UpdateOfferBody['capacityPeriod'];
  if (v.waitingDays.trim() !== base.waitingDays) body.waitingDays = n.waitingDays;
  if (v.financingModel !== base.financingModel) body.financingModel = v.financingModel as UpdateOfferBody['financingModel'];
  if (v.price.trim() !== base.price) body.priceCents = n.priceCents;
  if (v.priceUnit.trim() !== base.priceUnit.trim()) body.priceUnit = blankToNull(v.priceUnit);
  if (v.measureBeginRule !== base.measureBeginRule) body.measureBeginRule = v.measureBeginRule as UpdateOfferBody['measureBeginRule'];
  if (v.plannedDurationDays.trim() !== base.plannedDurationDays) body.plannedDurationDays = n.plannedDurationDays;
  if (v.active !== base.active) body.active = v.active;
  const rows: FieldProblem[] = [];
  if (!same(v.locations, base.locations)) {
    body.locations = locationsBody(v.locations, rows);
    if (v.locations.length === 0) rows.push({ field: 'locations', message: t('cooperation.locationsRequired') });
  }
  if (!same(v.contacts, base.contacts)) body.contacts = contactsBody(v.contacts, rows);
  const { locations: _l, contacts: _c, ...top } = body;
  return { body, problems: firstPerField(manual, schemaProblems(topUpdate, top), rows) };
}

// ——— the fields ———

export interface OfferFieldsProps {
  form: FormBinding<OfferValues>;
  mode: 'create' | 'edit';
  providers: Provider[];
  /** Agreements of the chosen provider; null while they load. */
  agreements: CooperationAgreement[] | null;
  providerName?: string;
}

export function OfferFields({ form, mode, providers, agreements, providerName }: OfferFieldsProps) {
  const { values, set, err } = form;
  const field = textBinding(form, 'offer');
  const labels = offerLabels();
  const optional = (label: string) => `${label} ${t('common.optional')}`;
  const agreementOptions = [
    { value: '', label: agreements === null && values.providerId ? t('cooperation.agreementsLoading') : t('cooperation.agreementNone') },
    ...(agreements ?? []).map((a) => ({ value: a.id, label: `${a.title} (${validityText(a)})` })),
  ];
  // The chosen agreement stays selectable while the list loads (edit form).
  if (values.agreementId && !agreementOptions.some((o) => o.value === values.agreementId))
    agreementOptions.push({ value: values.agreementId, label: t('cooperation.agreementCurrent') });

  return (
    <>
      <fieldset className="fieldset coop-group">
        <legend className="coop-group__legend">{t('cooperation.offerLegendBasics')}</legend>
        <ProviderChoice mode={mode} {...field('providerId')} label={labels.providerId} providers={providers} providerName={providerName} />
        <TextField {...field('name')} label={labels.name} required width="long" maxLength={200} autoComplete="off" />
        <SelectField
          {...field('serviceType')}
          label={labels.serviceType}
          required
          width="long"
          options={[
            ...(mode === 'create' ? [{ value: '', label: t('form.choose') }] : []),
            ...SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS_DE[s] })),
          ]}
        />
        <TextAreaField
          {...field('description')}
          label={optional(labels.description)}
          hint={t('cooperation.offerDescriptionHint')}
          rows={4}
          maxLength={4000}
        />
        <SelectField
          {...field('agreementId')}
          label={optional(labels.agreementId)}
          hint={values.providerId ? t('cooperation.offerAgreementHint') : t('cooperation.offerAgreementChooseProvider')}
          width="long"
          options={agreementOptions}
        />
        <CheckboxGroup
          id="offer-targetGroups"
          legend={labels.targetGroups}
          hint={t('cooperation.targetGroupsHint')}
          options={OFFER_TARGET_GROUPS.map((g) => ({ value: g, label: OFFER_TARGET_GROUP_LABELS_DE[g] }))}
          values={values.targetGroups}
          onChange={set('targetGroups')}
          error={err('targetGroups')}
        />
      </fieldset>

      <fieldset className="fieldset coop-group">
        <legend className="coop-group__legend">{t('cooperation.offerLegendCapacity')}</legend>
        <div className="field-row">
          <TextField
            {...field('capacity')}
            label={optional(labels.capacity)}
            hint={t('cooperation.capacityHint')}
            width="short"
            inputMode="numeric"
            autoComplete="off"
          />
          <SelectField
            {...field('capacityUnit')}
            label={labels.capacityUnit}
            width="short"
            options={CAPACITY_UNITS.map((u) => ({ value: u, label: CAPACITY_UNIT_LABELS_DE[u] }))}
          />
          <SelectField
            {...field('capacityPeriod')}
            label={labels.capacityPeriod}
            width="short"
            options={CAPACITY_PERIODS.map((p) => ({ value: p, label: CAPACITY_PERIOD_LABELS_DE[p] }))}
          />
        </div>
        <TextField
          {...field('waitingDays')}
          label={optional(labels.waitingDays)}
          hint={t('cooperation.waitingDaysHint')}
          width="short"
          inputMode="numeric"
          autoComplete="off"
        />
      </fieldset>

      <fieldset className="fieldset coop-group">
        <legend className="coop-group__legend">{t('cooperation.offerLegendFinancing')}</legend>
        <SelectField
          {...field('financingModel')}
          label={labels.financingModel}
          required
          width="long"
          options={[
            ...(mode === 'create' ? [{ value: '', label: t('form.choose') }] : []),
            ...FINANCING_MODELS.map((f) => ({ value: f, label: FINANCING_MODEL_LABELS_DE[f] })),
          ]}
        />
        <div className="field-row">
          <TextField
            id="offer-price"
            label={optional(labels.price)}
            hint={t('cooperation.priceHint')}
            value={values.price}
            onChange={set('price')}
            error={err('priceCents')}
            width="short"
            inputMode="text"
            autoComplete="off"
          />
          <TextField
            {...field('priceUnit')}
            label={optional(labels.priceUnit)}
            hint={t('cooperation.priceUnitHint')}
            maxLength={100}
            autoComplete="off"
          />
        </div>
      </fieldset>

      <fieldset className="fieldset coop-group">
        <legend className="coop-group__legend">{t('cooperation.offerLegendStatistics')}</legend>
        <p className="field-hint">{t('cooperation.offerStatisticsIntro')}</p>
        <SelectField
          {...field('measureBeginRule')}
          label={labels.measureBeginRule}
          hint={t('cooperation.measureBeginRuleHint')}
          width="long"
          options={MEASURE_BEGIN_RULES.map((r) => ({ value: r, label: MEASURE_BEGIN_RULE_LABELS_DE[r] }))}
        />
        <TextField
          {...field('plannedDurationDays')}
          label={optional(labels.plannedDurationDays)}
          hint={t('cooperation.plannedDurationDaysHint', { max: MAX_PLANNED_DURATION_DAYS })}
          width="short"
          inputMode="numeric"
          autoComplete="off"
        />
      </fieldset>

      <LocationsEditor form={form} />
      <ContactsEditor form={form} />

      {mode === 'edit' ? <ActiveField form={form} id="offer-active" label={labels.active} hint={t('cooperation.offerActiveHint')} /> : null}
    </>
  );
}

/** Repeatable locations: each one a group of its own, with add and remove (focus moves to what comes next). */
function LocationsEditor({ form }: { form: FormBinding<OfferValues> }) {
  const announce = useAnnounce();
  const { values, err } = form;
  const rows = values.locations;
  const actions = rowActions({
    rows,
    setRows: form.set('locations'),
    announce,
    firstId: (row) => locationId(row, 'label'),
    addId: 'offer-add-location',
    added: (n) => t('cooperation.locationAdded', { n }),
    removed: (n) => t('cooperation.locationRemoved', { n }),
  });
  return (
    <RowsFieldset
      id="offer-locations"
      legend={t('cooperation.locations')}
      hint={t('cooperation.locationsHint')}
      error={err('locations')}
      rows={rows}
      rowLegend={(row, i) =>
        row.label.trim() ? t('cooperation.locationNamed', { n: i + 1, label: row.label.trim() }) : t('cooperation.locationN', { n: i + 1 })
      }
      remove={{ label: (i) => t('cooperation.locationRemove', { n: i + 1 }), onClick: actions.remove }}
      add={{
        id: 'offer-add-location',
        label: t('cooperation.locationAdd'),
        onClick: () => actions.add(emptyLocation()),
        disabled: rows.length >= 20,
      }}
    >
      {(row, i) => {
        const path = (f: string) => `locations.${i}.${f}`;
        const field = (f: Exclude<keyof LocationRow, 'key' | 'accessible'>): TextBinding => ({
          id: locationId(row, f),
          value: row[f],
          onChange: (value) => actions.update(row.key, { [f]: value }),
          error: err(path(f)),
        });
        return (
          <>
            <TextField
              {...field('label')}
              label={locationLabel('label')}
              hint={t('cooperation.locationLabelHint')}
              required
              width="long"
              maxLength={200}
              autoComplete="off"
            />
            <AddressRows field={field} postalCode={{ hint: t('cooperation.postalCodeHint'), maxLength: 5 }} />
            <p className="field-hint" id={locationId(row, 'coords-hint')}>
              {t('cooperation.coordinatesHint')}
            </p>
            <div className="field-row">
              <TextField
                {...field('latitude')}
                label={locationLabel('latitude')}
                hint={t('cooperation.latitudeHint')}
                required
                width="short"
                inputMode="text"
                autoComplete="off"
              />
              <TextField
                {...field('longitude')}
                label={locationLabel('longitude')}
                hint={t('cooperation.longitudeHint')}
                required
                width="short"
                inputMode="text"
                autoComplete="off"
              />
            </div>
            <TextAreaField
              {...field('openingHours')}
              label={`${locationLabel('openingHours')} ${t('common.optional')}`}
              hint={t('cooperation.openingHoursHint')}
              rows={3}
              maxLength={1000}
            />
            <CheckboxField
              id={locationId(row, 'accessible')}
              label={locationLabel('accessible')}
              hint={t('cooperation.accessibleHint')}
              checked={row.accessible}
              onChange={(accessible) => actions.update(row.key, { accessible })}
              error={err(path('accessible'))}
            />
          </>
        );
      }}
    </RowsFieldset>
  );
}

function ContactsEditor({ form }: { form: FormBinding<OfferValues> }) {
  const announce = useAnnounce();
  const { values, err } = form;
  const rows = values.contacts;
  const actions = rowActions({
    rows,
    setRows: form.set('contacts'),
    announce,
    firstId: (row) => contactId(row, 'name'),
    addId: 'offer-add-contact',
    added: (n) => t('cooperation.contactAdded', { n }),
    removed: (n) => t('cooperation.contactRemoved', { n }),
  });
  return (
    <RowsFieldset
      id="offer-contacts"
      legend={t('cooperation.contacts')}
      hint={t('cooperation.contactsHint')}
      empty={t('cooperation.contactsNone')}
      rows={rows}
      rowLegend={(row, i) =>
        row.name.trim() ? t('cooperation.contactNamed', { n: i + 1, name: row.name.trim() }) : t('cooperation.contactN', { n: i + 1 })
      }
      remove={{ label: (i) => t('cooperation.contactRemove', { n: i + 1 }), onClick: actions.remove }}
      add={{
        id: 'offer-add-contact',
        label: t('cooperation.contactAdd'),
        onClick: () => actions.add(emptyContact()),
        disabled: rows.length >= 20,
      }}
    >
      {(row, i) => {
        const field = (f: Exclude<keyof ContactRow, 'key'>): TextBinding => ({
          id: contactId(row, f),
          value: row[f],
          onChange: (value) => actions.update(row.key, { [f]: value }),
          error: err(`contacts.${i}.${f}`),
        });
        return (
          <>
            <div className="field-row">
              <TextField {...field('name')} label={contactLabel('name')} required maxLength={200} autoComplete="off" />
              <TextField
                {...field('function')}
                label={`${contactLabel('function')} ${t('common.optional')}`}
                maxLength={200}
                autoComplete="off"
              />
            </div>
            <PhoneEmailRow field={field} />
          </>
        );
      }}
    </RowsFieldset>
  );
}
