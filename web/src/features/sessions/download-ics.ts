import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

/**
 * Saves a session's `.ics`. The file needs the Bearer token, which a plain link cannot send (the access token
 * lives in memory only), so it is fetched through the client and handed to the browser as a Blob download; a
 * calendar app then opens the saved file.
 */
export async function downloadSessionIcs(mentorshipId: string, sessionId: string, fileName: string): Promise<void> {
  const blob = await unwrap(
    api.GET('/v1/mentorships/{id}/sessions/{sid}/ics', {
      params: { path: { id: mentorshipId, sid: sessionId } },
      parseAs: 'blob',
    }),
  );
  const url = URL.createObjectURL(new Blob([blob], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
