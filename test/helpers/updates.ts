let nextUpdateId = 1000;
let nextMessageId = 1;

const user = (id: number) => ({ id, is_bot: false, first_name: 'Thử' });

/** A private-chat text message update as Telegram sends it. */
export function textUpdate(fromId: number, text: string, updateId = nextUpdateId++) {
  const command = text.startsWith('/') ? text.split(/\s/)[0]! : null;
  return {
    update_id: updateId,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: fromId, type: 'private', first_name: 'Thử' },
      from: user(fromId),
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}),
    },
  };
}

/** A tap on an inline button under a bot message in a private chat. */
export function callbackUpdate(fromId: number, data: string, updateId = nextUpdateId++) {
  return {
    update_id: updateId,
    callback_query: {
      id: String(updateId),
      from: user(fromId),
      chat_instance: '1',
      data,
      message: {
        message_id: nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: fromId, type: 'private', first_name: 'Thử' },
        from: { id: 424242, is_bot: true, first_name: 'Chibo' },
        text: '…',
      },
    },
  };
}
