import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

/** The signed-in account (GET /v1/me): e-mail address and whether it is verified. */
export const accountKey = ['account', 'me'] as const;

export function useAccount(enabled = true) {
  return useQuery({ queryKey: accountKey, queryFn: () => unwrap(api.GET('/v1/me')), enabled });
}

/** Mails the signed-in account a new verification link. */
export function useSendVerificationLink() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/v1/auth/email-verification')) });
}
