import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor.js';

export class ListConversationsQuery extends PageQuery {}
export class ListMessagesQuery extends PageQuery {}

export class PostMessageDto {
  /** 1–4000 characters (kept as written: no trimming, so code and line breaks survive). */
  @ApiProperty({ minLength: 1, maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  body: string;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  authorId: string;
  @ApiProperty()
  body: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ConversationPartyView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  displayName: string;
}

export class ConversationView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: ConversationPartyView, description: 'The other party' })
  with: ConversationPartyView;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The latest request between the two' })
  requestId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The latest mentorship between the two' })
  mentorshipId: string | null;
  @ApiProperty({ type: MessageView, nullable: true })
  lastMessage: MessageView | null;
  @ApiProperty({ description: 'Messages from the other party not read yet' })
  unreadCount: number;
  @ApiProperty({
    description: 'Open while a request is pending or a mentorship active, and neither blocked the other',
  })
  open: boolean;
}

export class ConversationPage {
  @ApiProperty({ type: [ConversationView], description: 'Latest activity first' })
  items: ConversationView[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class MessagePage {
  @ApiProperty({ type: [MessageView], description: 'Newest first' })
  items: MessageView[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
