import type { Team } from '@lotse/contracts';
import { TEAM_FUNCTION_LABELS_DE, TEAM_FUNCTIONS, type TeamFunction } from '@lotse/domain';
import { SelectField, TextField } from '../../components/FormField';
import { t } from '../../i18n';
import type { FieldProblem } from '../cases/caseFormKit';
import type { FieldMap, FormBinding } from '../cooperation/kit';
import type { CreateTeamBody, UpdateTeamBody } from './api';

export interface TeamValues {
  name: string;
  /** '' = not stated. */
  function: TeamFunction | '';
}

export const EMPTY_TEAM: TeamValues = { name: '', function: '' };
export const teamValues = (team: Team): TeamValues => ({ name: team.name, function: team.function ?? '' });
export const teamLabels = (): Record<keyof TeamValues, string> => ({
  name: t('organisation.teamName'),
  function: t('orgModel.teamFunction'),
});
export const teamFieldMap = (): FieldMap => ({
  name: { id: 'team-name', label: t('organisation.teamName') },
  function: { id: 'team-function', label: t('orgModel.teamFunction') },
});

function checkedName(name: string, problems: FieldProblem[]): string {
  const v = name.trim();
  if (v === '') problems.push({ field: 'name', message: t('validation.required') });
  else if (v.length > 100) problems.push({ field: 'name', message: t('validation.tooLong', { max: 100 }) });
  return v;
}

const functionOf = (v: TeamValues): TeamFunction | null => (v.function === '' ? null : v.function);

export function teamCreateBody(v: TeamValues): { body: CreateTeamBody; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  return { body: { name: checkedName(v.name, problems), function: functionOf(v) }, problems };
}

export function teamUpdateBody(v: TeamValues, base: TeamValues): { body: UpdateTeamBody; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const body: UpdateTeamBody = v.name.trim() === base.name.trim() ? {} : { name: checkedName(v.name, problems) };
  // The function routes new work by the organisation model (SPEC C14).
  if (v.function !== base.function) body.function = functionOf(v);
  return { body, problems };
}

export function TeamFields({ form }: { form: FormBinding<TeamValues> }) {
  return (
    <>
      <TextField
        id="team-name"
        label={t('organisation.teamName')}
        hint={t('organisation.teamNameHint')}
        value={form.values.name}
        onChange={form.set('name')}
        error={form.err('name')}
        required
        width="long"
        maxLength={100}
        autoComplete="off"
      />
      <SelectField
        id="team-function"
        label={t('orgModel.teamFunction')}
        hint={t('orgModel.teamFunctionHint')}
        value={form.values.function}
        onChange={(v) => form.set('function')(v as TeamValues['function'])}
        error={form.err('function')}
        width="long"
        options={[
          { value: '', label: t('orgModel.teamFunctionNone') },
          ...TEAM_FUNCTIONS.map((f) => ({ value: f, label: TEAM_FUNCTION_LABELS_DE[f] })),
        ]}
      />
    </>
  );
}
