import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { languageOptions } from '../../lib/languages';

interface Props {
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string;
  label?: string;
}

/** Languages by name; the values are ISO 639-1 codes, as the API stores them. */
export function LanguagesSelect({ value, onChange, error, label = 'Languages' }: Props) {
  const options = useMemo(() => languageOptions(), []);
  return (
    <MultiSelect
      label={label}
      placeholder={value.length === 0 ? 'Type a language' : undefined}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      limit={30}
      maxValues={10}
      nothingFoundMessage="No language by that name"
      hidePickedOptions
      error={error}
    />
  );
}
