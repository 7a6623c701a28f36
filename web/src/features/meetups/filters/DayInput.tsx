import '@mantine/dates/styles.css';
import { DateInput } from '@mantine/dates';

interface Props {
  label: string;
  value: string | null;
  minDate?: string;
  onChange: (day: string | null) => void;
  autoFocus: boolean;
}

/** A day (YYYY-MM-DD) picked from a calendar or typed: the /meetups "From" and "To" filters. */
export default function DayInput({ label, value, minDate, onChange, autoFocus }: Props) {
  return (
    <DateInput
      label={label}
      placeholder="YYYY-MM-DD"
      valueFormat="YYYY-MM-DD"
      value={value}
      minDate={minDate}
      onChange={onChange}
      clearable
      autoFocus={autoFocus}
    />
  );
}
