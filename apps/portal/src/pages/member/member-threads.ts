import { useCallback } from 'react';
import { graphql } from '../../api/graphql';
import { gql } from '../../api/generated';
import { useSession } from '../../api/session';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import type { MemberName } from '../messages/thread-parts';

const REACH = gql(`query MessagesReach { myReach { id name birthDate } }`);
export const JOIN_THREAD = gql(`mutation JoinThread($threadId: ID!) { joinThread(threadId: $threadId) { ...ThreadFields } }`);

/**
 * How a member's messages pages name members: "u" for the viewer, a name in their reach
 * (`myReach`), and anyone else the API mentions (a parent who joined) "een gezinslid".
 */
export function useMemberNames(): { readonly memberName: MemberName; readonly viewerId: string; readonly error: ReturnType<typeof useApi>['error'] } {
  const { t } = useI18n();
  const { viewer } = useSession();
  const viewerId = viewer?.member?.id ?? '';
  const reach = useApi(() => graphql(REACH).then((d) => d.myReach), 'messages-reach');
  const memberName = useCallback<MemberName>(
    (id) => {
      if (id === viewerId) return t('messages.you');
      return reach.data?.find((m) => m.id === id)?.name ?? t('common.unknownMember');
    },
    [reach.data, viewerId, t],
  );
  return { memberName, viewerId, error: reach.error };
}
