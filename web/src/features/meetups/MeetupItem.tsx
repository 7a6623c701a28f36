import { Link } from 'react-router';
import { formatDateTime } from '../../lib/time';
import classes from './MeetupItem.module.css';
import { placeOf, seatsLeft, type Meetup } from './use-meetups';

/** One meetup in the /meetups list: its title links to its page. */
export function MeetupItem({ meetup, zone }: { meetup: Meetup; zone: string }) {
  const left = seatsLeft(meetup);
  return (
    <li className={classes.item}>
      <Link to={`/meetups/${meetup.id}`} className={classes.title}>
        {meetup.title}
      </Link>
      <p className={classes.line}>{formatDateTime(meetup.startsAt, zone)}</p>
      <p className={`${classes.line} ${classes.dimmed}`}>{placeOf(meetup)}</p>
      <div className={classes.badges}>
        <span className={classes.badge} data-color={left > 0 ? 'teal' : 'gray'}>
          {left > 0 ? `${left} ${left === 1 ? 'seat' : 'seats'} left` : 'Full: waitlist open'}
        </span>
        {meetup.level && <span className={`${classes.badge} ${classes.outline}`}>{meetup.level}</span>}
        {meetup.myRsvp?.status === 'going' && (
          <span className={classes.badge} data-color="indigo">
            You are going
          </span>
        )}
        {meetup.myRsvp?.status === 'waitlisted' && (
          <span className={classes.badge} data-color="blue">
            Waitlisted: position {meetup.myRsvp.waitlistPosition}
          </span>
        )}
      </div>
    </li>
  );
}
