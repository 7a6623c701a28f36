import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useMemo } from 'react';
import { useSkillTaxonomy, type Skill } from './use-skills';

interface Props {
  label: string;
  /** Controlled value; `null` keeps the box empty (an "add" box that resets after each pick). */
  value: string | null;
  onChange: (slug: string | null) => void;
  exclude?: readonly string[];
  error?: string;
  clearable?: boolean;
  description?: string;
  autoFocus?: boolean;
}

/** Matches the name, the slug and every alias ("postgres" finds PostgreSQL, "k8s" finds Kubernetes). */
export function aliasFilter(bySlug: Map<string, Skill>): OptionsFilter {
  return ({ options, search }) => {
    const q = search.trim().toLowerCase();
    if (!q) return options;
    return (options as ComboboxItem[]).filter((option) => {
      const skill = bySlug.get(option.value);
      const terms = [option.label, option.value, ...(skill?.aliases ?? [])];
      return terms.some((term) => term.toLowerCase().includes(q));
    });
  };
}

/** A searchable combobox over the skill taxonomy. */
export function SkillSelect({ label, value, onChange, exclude = [], error, clearable, description, autoFocus }: Props) {
  const taxonomy = useSkillTaxonomy();
  const bySlug = useMemo(() => new Map((taxonomy.data ?? []).map((skill) => [skill.slug, skill])), [taxonomy.data]);
  const data = (taxonomy.data ?? [])
    .filter((skill) => !exclude.includes(skill.slug))
    .map((skill) => ({ value: skill.slug, label: skill.name }));
  return (
    <Select
      label={label}
      description={description}
      placeholder={taxonomy.isPending ? 'Loading skills…' : 'Search skills, e.g. Postgres'}
      data={data}
      value={value}
      onChange={(slug) => onChange(slug)}
      filter={aliasFilter(bySlug)}
      searchable
      clearable={clearable}
      limit={20}
      nothingFoundMessage="No skill by that name"
      error={error}
      autoFocus={autoFocus}
    />
  );
}
