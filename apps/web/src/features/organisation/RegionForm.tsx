import type { PlanningRegion } from '@lotse/contracts';
import { TextAreaField, TextField } from '../../components/FormField';
import { t } from '../../i18n';
import type { FieldProblem } from '../cases/caseFormKit';
import type { FieldMap, FormBinding } from '../cooperation/kit';
import type { CreateRegionBody, UpdateRegionBody } from './api';
import { MAX_POSTAL_CODES, parsePostalCodes, postalCodesText } from './planningInputs';

export interface RegionValues {
  name: string;
  /** As typed: codes separated by commas, spaces or line breaks. */
  postalCodes: string;
}

export const EMPTY_REGION: RegionValues = { name: '', postalCodes: '' };

export const regionValues = (r: PlanningRegion): RegionValues => ({ name: r.name, postalCodes: postalCodesText(r.postalCodes) });

export function regionLabels(): Record<keyof RegionValues, string> {
  return { name: t('organisation.regionName'), postalCodes: t('organisation.regionPostalCodes') };
}

/**
 * Field path → control, in screen order. The server names a postal code by its position
 * (`postalCodes.3`: "belongs to region X"); each such path points to the one text area.
 */
export function regionFieldMap(problems: readonly FieldProblem[]): FieldMap {
  const labels = regionLabels();
  const map: FieldMap = {
    name: { id: 'region-name', label: labels.name },
    postalCodes: { id: 'region-postalCodes', label: labels.postalCodes },
  };
  for (const p of problems) if (p.field.startsWith('postalCodes.')) map[p.field] = map.postalCodes as FieldMap[string];
  return map;
}

/** The typed codes, or a German problem naming the entries that are not postal codes. */
function checkedCodes(text: string, problems: FieldProblem[]): string[] {
  const { codes, invalid } = parsePostalCodes(text);
  if (invalid.length > 0)
    problems.push({ field: 'postalCodes', message: t('organisation.regionPostalCodesInvalid', { codes: invalid.join(', ') }) });
  else if (codes.length === 0) problems.push({ field: 'postalCodes', message: t('organisation.regionPostalCodesRequired') });
  else if (codes.length > MAX_POSTAL_CODES)
    problems.push({ field: 'postalCodes', message: t('organisation.regionPostalCodesTooMany', { max: MAX_POSTAL_CODES }) });
  return codes;
}

function checkedName(name: string, problems: FieldProblem[]): string {
  const v = name.trim();
  if (v === '') problems.push({ field: 'name', message: t('validation.required') });
  else if (v.length > 100) problems.push({ field: 'name', message: t('validation.tooLong', { max: 100 }) });
  return v;
}

export function regionCreateBody(v: RegionValues): { body: CreateRegionBody; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const name = checkedName(v.name, problems);
  const postalCodes = checkedCodes(v.postalCodes, problems);
  return { body: { name, postalCodes }, problems };
}

/** Only what changed against `base` (the codes compared as sets). */
export function regionUpdateBody(v: RegionValues, base: RegionValues): { body: UpdateRegionBody; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const body: UpdateRegionBody = {};
  if (v.name.trim() !== base.name.trim()) body.name = checkedName(v.name, problems);
  const codes = checkedCodes(v.postalCodes, problems);
  if (codes.join() !== parsePostalCodes(base.postalCodes).codes.join()) body.postalCodes = codes;
  return { body, problems };
}

export function RegionFields({ form, problems }: { form: FormBinding<RegionValues>; problems: readonly FieldProblem[] }) {
  const labels = regionLabels();
  // Every problem with the codes (the client's, or the server's per code) shows at the one text area.
  const codesError =
    problems
      .filter((p) => p.field === 'postalCodes' || p.field.startsWith('postalCodes.'))
      .map((p) => p.message)
      .join(' ') || undefined;
  return (
    <>
      <TextField
        id="region-name"
        label={labels.name}
        hint={t('organisation.regionNameHint')}
        value={form.values.name}
        onChange={form.set('name')}
        error={form.err('name')}
        required
        width="long"
        maxLength={100}
        autoComplete="off"
      />
      <TextAreaField
        id="region-postalCodes"
        label={labels.postalCodes}
        hint={t('organisation.regionPostalCodesHint')}
        value={form.values.postalCodes}
        onChange={form.set('postalCodes')}
        error={codesError}
        required
        rows={4}
      />
    </>
  );
}
