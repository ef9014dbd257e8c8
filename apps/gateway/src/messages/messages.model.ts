import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataCategory } from '@kring/family-file';
import { MESSAGE_AUTHOR_KINDS } from '@kring/messages';
import { DenyReason } from '@kring/policy';
import { Organisation } from '../directory/organisation.model';

export const MessageAuthorKindEnum = Object.fromEntries(MESSAGE_AUTHOR_KINDS.map((k) => [k, k])) as { [K in (typeof MESSAGE_AUTHOR_KINDS)[number]]: K };
registerEnumType(MessageAuthorKindEnum, { name: 'MessageAuthorKind', description: 'Who wrote a message: a family MEMBER, or a PROFESSIONAL for their organisation.' });

@ObjectType({ description: 'A professional taking part in a thread: their name and organisation.' })
export class ThreadProfessional {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Organisation)
  organisation!: Organisation;
}

@ObjectType({ description: 'Someone taking part in a thread: a professional named when it started, or a member who joined.' })
export class ThreadParticipant {
  @Field(() => ID, { nullable: true, description: 'The member, when a member joined.' })
  memberId!: string | null;

  @Field(() => ThreadProfessional, { nullable: true })
  professional!: ThreadProfessional | null;

  @Field(() => Date)
  joinedAt!: Date;
}

@ObjectType({ description: 'Why a thread you take part in is closed to you now (as a redaction): its category, and the access rule\'s reason.' })
export class ThreadClosed {
  @Field(() => DataCategory)
  category!: DataCategory;

  @Field(() => DenyReason)
  reason!: DenyReason;
}

@ObjectType({ description: 'A conversation around a family (kringberichten), as the caller may see it. Category: `category`, about `subjectMemberIds`, for `purpose`.' })
export class Thread {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  familyId!: string;

  @Field(() => String, { nullable: true, description: 'What it is about; null while it is closed to you (see `closed`).' })
  topic!: string | null;

  @Field(() => [ID], { description: 'The members it is about.' })
  subjectMemberIds!: string[];

  @Field(() => DataCategory, { description: 'What the conversation touches; professionals read it only while the access rule allows this category about every subject.' })
  category!: DataCategory;

  @Field({ description: 'The purpose (a code of `purposes`) every professional participant reads it for.' })
  purpose!: string;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => ThreadProfessional, { description: 'Who started it, for their organisation.' })
  startedBy!: ThreadProfessional;

  @Field(() => [ThreadParticipant], { nullable: true, description: 'Who takes part: who started it, the other professionals, then members, each in the order they joined; null while it is closed to you.' })
  participants!: ThreadParticipant[] | null;

  @Field({ description: 'Whether you take part (a member: whether you joined).' })
  joined!: boolean;

  @Field(() => ThreadClosed, { nullable: true, description: 'Professionals: why the thread is closed to you now (consent revoked or expired, capacity lapsed, ...); null while it is open.' })
  closed!: ThreadClosed | null;

  @Field(() => Int, { nullable: true, description: 'Messages others wrote since the last one served to you (withdrawn ones not counted); null unless you take part and it is open to you.' })
  unreadCount!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the newest message was posted; null when there is none, or it is closed to you.' })
  lastMessageAt!: Date | null;
}

@ObjectType({ description: 'Who wrote a message.' })
export class MessageAuthor {
  @Field(() => MessageAuthorKindEnum)
  kind!: string;

  @Field(() => ID, { nullable: true })
  memberId!: string | null;

  @Field(() => ThreadProfessional, { nullable: true })
  professional!: ThreadProfessional | null;
}

@ObjectType({ description: 'A message of a thread. Never edited; a withdrawn one is a tombstone: who wrote it, when, and when it was withdrawn, without its text.' })
export class Message {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  threadId!: string;

  @Field(() => Int, { description: 'Its place in the thread: 1 for the first message.' })
  sequence!: number;

  @Field(() => MessageAuthor)
  author!: MessageAuthor;

  @Field(() => Date)
  sentAt!: Date;

  @Field(() => String, { nullable: true, description: 'The text; null once withdrawn.' })
  body!: string | null;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;
}

@ObjectType()
export class MessageEdge {
  @Field()
  cursor!: string;

  @Field(() => Message)
  node!: Message;
}

@ObjectType({ description: 'Where a page of messages stands in its thread.' })
export class MessagePageInfo {
  @Field({ description: 'There are newer messages after this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'There are older messages before this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of a thread\'s messages, oldest first (newest last), as in a conversation.' })
export class MessageConnection {
  @Field(() => ID)
  threadId!: string;

  @Field(() => [MessageEdge])
  edges!: MessageEdge[];

  @Field(() => MessagePageInfo)
  pageInfo!: MessagePageInfo;

  @Field(() => Int, { description: 'Messages still unread to you after this page.' })
  unreadCount!: number;
}

@InputType({ description: 'A new thread around a family your organisation is involved with.' })
export class StartThreadInput {
  @Field(() => ID)
  familyId!: string;

  @Field({ description: '1 to 200 characters.' })
  topic!: string;

  @Field(() => [ID], { description: 'The members it is about.' })
  subjectMemberIds!: string[];

  @Field(() => DataCategory, { description: 'What it touches (not PERSONAL_IDENTITY or NATIONAL_ID).' })
  category!: DataCategory;

  @Field({ description: 'The purpose every professional participant reads it for: a code of `purposes` your organisation may use.' })
  purpose!: string;

  @Field(() => [ID], { nullable: true, description: 'The other professionals to take part (PROFESSIONAL or TEAM_LEAD of organisations involved today); you always do. At most 19.' })
  participantProfessionalIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'An opening message (1 to 4,000 characters).' })
  firstMessage?: string | null;
}

@InputType()
export class PostMessageInput {
  @Field(() => ID)
  threadId!: string;

  @Field({ description: '1 to 4,000 characters.' })
  body!: string;
}
