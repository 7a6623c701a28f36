import { DateInput } from '@mantine/dates';
import { parseWallTime } from '../../lib/wall-time';

interface Props {
  label: string;
  /** "YYYY-MM-DD HH:mm:ss" on the meetup's wall clock, or null. */
  value: string | null;
  onChange: (value: string | null) => void;
  timeZone: string;
  error?: string;
}

/**
 * A date and time typed as "YYYY-MM-DD HH:mm" (or a day picked in the calendar, keeping the time), read on the
 * wall clock of `timeZone`. The value is a plain string: no Date is made, so the browser's own zone never
 * shifts it.
 */
export function WallTimeInput({ label, value, onChange, timeZone, error }: Props) {
  return (
    <DateInput
      label={label}
      description={`YYYY-MM-DD HH:mm, ${timeZone} time`}
      placeholder="2027-03-15 18:30"
      withTime
      value={value}
      valueFormat={(v) => v.slice(0, 16)}
      dateParser={parseWallTime}
      onChange={(next) => {
        if (next === null) return onChange(null);
        // A day picked in the calendar comes without a time: keep the one already there (or 18:00).
        onChange(next.length <= 10 ? `${next.slice(0, 10)} ${value?.slice(11) ?? '18:00:00'}` : next);
      }}
      error={error}
      required
      withAsterisk={false}
    />
  );
}
