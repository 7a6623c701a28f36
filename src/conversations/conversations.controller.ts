import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/decorators.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { ConversationsService } from './conversations.service.js';
import {
  ConversationPage,
  ListConversationsQuery,
  ListMessagesQuery,
  MessagePage,
  MessageView,
  PostMessageDto,
} from './dto/conversation.dto.js';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('v1/conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  /** The caller's conversations, latest activity first, each with its unread count and whether it is open. */
  @Get()
  @ApiOkResponse({ type: ConversationPage })
  list(@CurrentUser() user: AuthUser, @Query() q: ListConversationsQuery): Promise<ConversationPage> {
    return this.conversations.list(user.id, q);
  }

  /** Its two parties only (404 otherwise); newest first. */
  @Get(':id/messages')
  @ApiOkResponse({ type: MessagePage })
  @ApiNotFoundResponse({ description: 'Not a party of this conversation' })
  messages(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Query() q: ListMessagesQuery,
  ): Promise<MessagePage> {
    return this.conversations.messages(user.id, id, q);
  }

  /** Its two parties, while it is open (409 CONVERSATION_CLOSED when read-only); 30 a minute per person (429). */
  @Post(':id/messages')
  @ApiCreatedResponse({ type: MessageView })
  @ApiConflictResponse({ description: 'CONVERSATION_CLOSED' })
  @ApiTooManyRequestsResponse({ description: 'MESSAGE_RATE_LIMITED, with Retry-After' })
  post(
    @CurrentUser() user: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() dto: PostMessageDto,
  ): Promise<MessageView> {
    return this.conversations.post(user.id, id, dto.body);
  }

  /** Marks every message of the conversation read for the caller. */
  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  async read(@CurrentUser() user: AuthUser, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.conversations.markRead(user.id, id);
  }
}
