import type { Team } from '@lotse/contracts';
import { TextField } from '../../components/FormField';
import { t } from '../../i18n';
import type { FieldProblem } from '../cases/caseFormKit';
import type { FieldMap, FormBinding } from '../cooperation/kit';
import type { CreateTeamBody, UpdateTeamBody } from './api';

export interface TeamValues {
  name: string;
}

export const EMPTY_TEAM: TeamValues = { name: '' };
export const teamValues = (team: Team): TeamValues => ({ name: team.name });
export const teamLabels = (): Record<keyof TeamValues, string> => ({ name: t('organisation.teamName') });
export const teamFieldMap = (): FieldMap => ({ name: { id: 'team-name', label: t('organisation.teamName') } });

function checkedName(name: string, problems: FieldProblem[]): string {
  const v = name.trim();
  if (v === '') problems.push({ field: 'name', message: t('validation.required') });
  else if (v.length > 100) problems.push({ field: 'name', message: t('validation.tooLong', { max: 100 }) });
  return v;
}

export function teamCreateBody(v: TeamValues): { body: CreateTeamBody; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  return { body: { name: checkedName(v.name, problems) }, problems };
}

export function teamUpdateBody(v: TeamValues, base: TeamValues): { body: UpdateTeamBody; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  return { body: v.name.trim() === base.name.trim() ? {} : { name: checkedName(v.name, problems) }, problems };
}

export function TeamFields({ form }: { form: FormBinding<TeamValues> }) {
  return (
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
  );
}
