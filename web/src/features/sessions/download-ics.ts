import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { saveFile } from '../../lib/save-file';

/** Saves a session's `.ics` (behind the Bearer token, see saveFile); a calendar app then opens the saved file. */
export async function downloadSessionIcs(mentorshipId: string, sessionId: string, fileName: string): Promise<void> {
  const blob = await unwrap(
    api.GET('/v1/mentorships/{id}/sessions/{sid}/ics', {
      params: { path: { id: mentorshipId, sid: sessionId } },
      parseAs: 'blob',
    }),
  );
  saveFile(new Blob([blob], { type: 'text/calendar' }), fileName);
}
