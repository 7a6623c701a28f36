/** A notification in words, and the page it is about. */
export function describeNotification(type: string, data: Record<string, unknown>): { text: string; to: string | null } {
  const id = (name: string): string | null => {
    const value = data[name];
    return typeof value === 'string' ? value : null;
  };
  const mentorship = id('mentorshipId');
  const meetup = id('meetupId');
  const conversation = id('conversationId');
  switch (type) {
    case 'mentorship.requested':
      return { text: 'A learner asked you to be their mentor.', to: '/requests?tab=received' };
    case 'mentorship.accepted':
      return {
        text: 'Your mentorship request was accepted.',
        to: mentorship ? `/mentorships/${mentorship}` : '/mentorships',
      };
    case 'mentorship.declined':
      return { text: 'Your mentorship request was declined.', to: '/requests?tab=sent' };
    case 'mentorship.cancelled':
      return { text: 'A learner cancelled their request to you.', to: '/requests?tab=received' };
    case 'mentorship.expired':
      return { text: 'A mentorship request expired without an answer.', to: '/requests' };
    case 'mentorship.withdrawn':
      return { text: 'A pending request was withdrawn: the learner now has a mentor.', to: '/requests' };
    case 'mentorship.completed':
      return {
        text: 'A mentorship was completed. Leave feedback.',
        to: mentorship ? `/mentorships/${mentorship}` : '/mentorships',
      };
    case 'suggestions.ready':
      return { text: 'Your mentor suggestions are ready.', to: '/suggestions' };
    case 'meetup.promoted':
      return {
        text: 'A seat freed up: you are going to a meetup you were waitlisted for.',
        to: meetup && `/meetups/${meetup}`,
      };
    case 'meetup.updated':
      return { text: 'A meetup you are going to changed.', to: meetup && `/meetups/${meetup}` };
    case 'meetup.cancelled':
      return { text: 'A meetup you were going to was cancelled.', to: meetup && `/meetups/${meetup}` };
    case 'meetup.reminder':
      return { text: 'A meetup you are going to starts soon.', to: meetup && `/meetups/${meetup}` };
    case 'message.received':
      return { text: 'You have a new message.', to: conversation ? `/messages/${conversation}` : '/messages' };
    case 'session.proposed':
      return { text: 'A mentoring session was proposed.', to: mentorship ? `/mentorships/${mentorship}` : null };
    case 'session.confirmed':
      return { text: 'A mentoring session was confirmed.', to: mentorship ? `/mentorships/${mentorship}` : null };
    case 'session.updated':
      return { text: 'A mentoring session changed.', to: mentorship ? `/mentorships/${mentorship}` : null };
    case 'session.cancelled':
      return { text: 'A mentoring session was cancelled.', to: mentorship ? `/mentorships/${mentorship}` : null };
    case 'session.reminder':
      return { text: 'A mentoring session starts soon.', to: mentorship ? `/mentorships/${mentorship}` : null };
    case 'account.email_changed':
      return { text: 'The e-mail address of your account changed.', to: null };
    default:
      return { text: `Something happened (${type}).`, to: null };
  }
}
