import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { aliasFilter } from './SkillSelect';
import { useSkillTaxonomy } from './use-skills';

interface Props {
  label: string;
  value: string[];
  onChange: (slugs: string[]) => void;
  error?: string;
  description?: string;
  maxValues?: number;
}

/** A searchable multi-select over the skill taxonomy (names, slugs and aliases match). */
export function SkillsMultiSelect({ label, value, onChange, error, description, maxValues = 20 }: Props) {
  const taxonomy = useSkillTaxonomy();
  const bySlug = useMemo(() => new Map((taxonomy.data ?? []).map((skill) => [skill.slug, skill])), [taxonomy.data]);
  const data = (taxonomy.data ?? []).map((skill) => ({ value: skill.slug, label: skill.name }));
  // A slug the taxonomy no longer lists still shows (by its slug) rather than vanishing from the value.
  for (const slug of value) if (!bySlug.has(slug)) data.push({ value: slug, label: slug });
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? (taxonomy.isPending ? 'Loading skills…' : 'Search skills') : undefined}
      data={data}
      value={value}
      onChange={onChange}
      filter={aliasFilter(bySlug)}
      searchable
      limit={20}
      maxValues={maxValues}
      hidePickedOptions
      nothingFoundMessage="No skill by that name"
      error={error}
    />
  );
}
