import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { saveFile } from '../../lib/save-file';

/**
 * Saves a meetup's `.ics` through the client, so a signed-in member's file carries what only they may see
 * (the online link when going); a plain link would send no Bearer token.
 */
export async function downloadMeetupIcs(id: string, fileName: string): Promise<void> {
  const blob = await unwrap(api.GET('/v1/meetups/{id}/ics', { params: { path: { id } }, parseAs: 'blob' }));
  saveFile(new Blob([blob], { type: 'text/calendar' }), fileName);
}
