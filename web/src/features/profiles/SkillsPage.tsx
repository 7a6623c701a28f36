import { Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { formErrors } from '../../components/form-errors';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { QueryError } from '../../components/QueryError';
import { LEVEL_OPTIONS } from '../../lib/levels';
import { SettingsNav } from './SettingsNav';
import { SkillSelect } from './SkillSelect';
import { useSkillNames } from './use-skills';

interface Row {
  skill: string;
  level: number;
  years: number | null;
}

export const mySkillsKey = ['profiles', 'me', 'skills'] as const;

function SkillsForm({ initial }: { initial: Row[] }) {
  const queryClient = useQueryClient();
  const nameOf = useSkillNames();
  const [rows, setRows] = useState<Row[]>(initial);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/v1/profiles/me/skills', {
          body: { skills: rows.map((row) => ({ skill: row.skill, level: row.level, years: row.years })) },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(mySkillsKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['match-suggestions'] });
      notifications.show({ color: 'teal', message: 'Skills saved' });
    },
  });
  const paths = rows.flatMap((_, i) => [
    `skills[${i}].skill`,
    `skills[${i}].level`,
    `skills[${i}].years`,
    `skills[${i}]`,
  ]);
  const errors = formErrors(save.error, ['skills', ...paths]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={640}>
        <SkillSelect
          label="Add a skill"
          description="Search by name or alias; new skills start at level 2 Beginner."
          value={null}
          exclude={rows.map((row) => row.skill)}
          onChange={(slug) => slug && setRows([...rows, { skill: slug, level: 2, years: null }])}
        />
        {rows.length === 0 ? (
          <EmptyState title="No skills yet">
            Add the skills you have, even at beginner level: suggestions and mentor search use them.
          </EmptyState>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Your skills">
            {rows.map((row, index) => (
              <Paper component="li" withBorder p="sm" key={row.skill}>
                <Group justify="space-between" align="flex-end" wrap="wrap">
                  <Text fw={600} style={{ flex: '1 1 140px' }}>
                    {nameOf(row.skill)}
                  </Text>
                  <NativeSelect
                    label="Level"
                    data={LEVEL_OPTIONS}
                    value={String(row.level)}
                    onChange={(e) =>
                      setRows(rows.map((r, i) => (i === index ? { ...r, level: Number(e.currentTarget.value) } : r)))
                    }
                    error={errors.field(`skills[${index}].level`) ?? errors.field(`skills[${index}].skill`)}
                  />
                  <Button variant="subtle" color="red" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                    Remove
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        <FormAlert messages={errors.general} />
        <div>
          <Button type="submit" loading={save.isPending}>
            Save skills
          </Button>
        </div>
      </Stack>
    </form>
  );
}

export function SkillsPage() {
  const skills = useQuery({ queryKey: mySkillsKey, queryFn: () => unwrap(api.GET('/v1/profiles/me/skills')) });
  return (
    <>
      <PageHeading>Your skills</PageHeading>
      <SettingsNav />
      {skills.isPending ? (
        <Loading />
      ) : skills.isError ? (
        <QueryError error={skills.error} />
      ) : (
        <SkillsForm initial={skills.data.skills.map(({ skill, level, years }) => ({ skill, level, years }))} />
      )}
    </>
  );
}
