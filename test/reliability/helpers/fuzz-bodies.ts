import { type Seeded, seeded } from './seeded';

/** One request body for the webhook, with the answer a careful server gives it. */
export interface FuzzCase {
  kind: string;
  body: string | Uint8Array;
  contentType: string;
  /** 200 handled (or acknowledged), 400 not JSON / not an update, 413 too large. */
  expect: 200 | 400 | 413;
  /** The update id a 200 claims (null for a redelivery or a refused body). */
  claims: number | null;
}

const maxBodyBytes = 1024 * 1024;
const nfd = (s: string) => s.normalize('NFD');
const vietnamese = [
  'Đồng chí cho hỏi lịch sinh hoạt chi bộ tháng này',
  'Nghị quyết số 02-NQ/ĐUK về nâng cao năng lực lãnh đạo',
  'Tôi xin vắng mặt vì đi công tác ở Cà Mau',
  'Kiểm điểm, phê bình và tự phê bình',
  'Học tập, quán triệt chỉ thị của Tỉnh ủy',
  'Chi bộ Văn phòng Sở Xây dựng',
];
const oddities = ['\u0000', '\ud800', '\u202e', '\u200b', '😀', '\ufeff', '\\', '"', '\n', '\u0301\u0301\u0301'];
const commands = ['/start', '/start ZZZZZZZZZZ', '/start abc-def', '/quiz', '/xephang', '/toi', '/tailieu', '/hop', '/donvi', '/help', `/timkiem ${nfd('sinh hoạt chuyên đề')}`, '/timkiem', '/unknown_command@chibo_test_bot'];
const callbackData = [
  'qz:a:1:0:0',
  'qz:a:99999999999999:0:9',
  'qz:t:1:0:999',
  'qz:s:1:0:7',
  'qz:n:1',
  'qz:r:1',
  'mt:y:1',
  'mt:n:1',
  'mt:c:1',
  'mt:m:1:1:9',
  'fb:1:5',
  'doc:open:1',
  'doc:list:9999',
  'consent:yes:ZZZZZZZZZZ',
  'consent:no',
  'me:unlink:yes',
  '',
  'x'.repeat(64),
  nfd('đồng ý'),
];

/**
 * `count` bodies for the Telegram webhook, the same on every run for a given seed: broken and
 * truncated JSON, oversized bodies, wrong types, arrays, unknown update kinds, messages without
 * a sender, NFD Vietnamese, 4,096-character texts, huge numbers, odd content types, and
 * redeliveries. Every sender is a stranger, so no body may write anything but its claim.
 */
export function fuzzBodies(seed: number, count: number, firstUpdateId: number): FuzzCase[] {
  const r = seeded(seed);
  let updateId = firstUpdateId;
  const sent: FuzzCase[] = [];
  const cases: FuzzCase[] = [];
  const json = (kind: string, value: unknown, expect: FuzzCase['expect'], claims: number | null, contentType = 'application/json'): FuzzCase => ({
    kind,
    body: JSON.stringify(value),
    contentType,
    expect,
    claims,
  });
  const update = (kind: string, fields: Record<string, unknown>, contentType?: string) => {
    const id = updateId++;
    const c = json(kind, { update_id: id, ...fields }, 200, id, contentType);
    sent.push(c);
    return c;
  };

  const kinds: [weight: number, make: () => FuzzCase][] = [
    [10, () => ({ kind: 'garbage', body: garbage(r), contentType: 'application/json', expect: 400, claims: null })],
    [10, () => truncated(r, message(r, text(r)), updateId++)],
    [1, () => oversized(r, updateId++)],
    [7, () => json('wrong-type', { update_id: r.pick(wrongIds), message: message(r, text(r)) }, 400, null)],
    [1, () => ({ kind: 'unsafe-id', body: `{"update_id":${r.pick(unsafeIds)},"message":${JSON.stringify(message(r, text(r)))}}`, contentType: 'application/json', expect: 400, claims: null })],
    [3, () => ({ kind: 'array', body: JSON.stringify(r.pick([[], [{ update_id: updateId++ }], [1, 2, 3], [[[]]]])), contentType: 'application/json', expect: 400, claims: null })],
    [2, () => ({ kind: 'empty', body: r.pick(['', ' ', '\n', '\r\n\t']), contentType: 'application/json', expect: 400, claims: null })],
    [3, () => ({ kind: 'not-an-object', body: r.pick(['null', 'true', '0', '42', '"update"', '-1', '1e999']), contentType: 'application/json', expect: 400, claims: null })],
    [3, () => json('no-update-id', { message: message(r, text(r)), updateId: 5 }, 400, null)],
    [8, () => update('unknown-kind', { [r.pick(unknownKinds)]: { id: r.int(1, 1e6), data: text(r) } })],
    [8, () => update('no-sender', { [r.pick(['message', 'callback_query'])]: withoutSender(r) })],
    [8, () => update('nfd-text', { message: message(r, nfd(r.pick(vietnamese)) + r.pick(oddities)) })],
    [5, () => update('long-text', { message: message(r, nfd(r.pick(vietnamese)).repeat(200).slice(0, 4096)) })],
    [6, () => update('huge-numbers', { message: { ...message(r, text(r)), message_id: r.pick(hugeNumbers), date: r.pick(hugeNumbers), chat: { id: r.pick(hugeNumbers), type: 'private' }, from: { id: r.pick(hugeNumbers), is_bot: false, first_name: 'X' } } })],
    [6, () => update('arrays-for-objects', { message: r.pick([[], [message(r, text(r))], { ...message(r, text(r)), chat: [], from: [] }, { ...message(r, text(r)), entities: {} }]) })],
    [6, () => update('wrong-field-types', { message: { ...message(r, text(r)), text: r.pick([42, null, true, { a: 1 }, ['/start']]), chat: { id: r.pick(['abc', null, 1.5, -0]), type: r.pick(['private', 42, 'unknown']) } } })],
    [8, () => update('callback', { callback_query: { id: String(r.int(1, 1e9)), from: stranger(r), chat_instance: '1', data: r.pick(callbackData), ...(r.next() < 0.7 ? { message: message(r, '…') } : {}) } })],
    [6, () => update('command', { message: command(r) })],
    [3, () => update('content-type', { message: message(r, text(r)) }, r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', '']))],
    [2, () => latin1(r, updateId++)],
    [2, () => (sent.length > 0 ? { ...r.pick(sent), kind: 'redelivery', claims: null } : update('nfd-text', { message: message(r, text(r)) }))],
  ];
  const total = kinds.reduce((n, [w]) => n + w, 0);
  for (let i = 0; i < count; i++) {
    const roll = r.next() * total;
    let upTo = 0;
    const make = kinds.find(([w]) => {
      upTo += w;
      return roll < upTo;
    })?.[1];
    cases.push((make ?? kinds[0]![1])());
  }
  return cases;
}

const wrongIds: unknown[] = ['1', '', null, true, false, 1.5, -1, -0.5, 2 ** 53, 1e20, Number.MAX_VALUE, { id: 1 }, [1], 'NaN'];
/** Ids JSON can carry but JavaScript numbers cannot hold exactly: written as text. */
const unsafeIds = ['9007199254740993', '123456789012345678901234567890', '1e400', '-0.0000001'];
const hugeNumbers = [2 ** 31, 2 ** 53 - 1, 2 ** 53 + 2, 1e20, 1e300, -(2 ** 63), 0, -1, 1.5];
const unknownKinds = ['poll', 'poll_answer', 'message_reaction', 'chat_join_request', 'business_message', 'inline_query', 'channel_post', 'edited_message', 'my_chat_member', 'future_update_kind', 'purchased_paid_media'];

const firstStranger = 5_100_000;
const stranger = (r: Seeded) => ({ id: firstStranger + r.int(0, 99_999), is_bot: false, first_name: nfd('Thử Nghiệm'), language_code: 'vi' });
const text = (r: Seeded) => (r.next() < 0.5 ? nfd(r.pick(vietnamese)) : r.pick(vietnamese));

function message(r: Seeded, body: unknown) {
  const from = stranger(r);
  const chatType = r.pick(['private', 'private', 'private', 'group', 'supergroup', 'channel']);
  return { message_id: r.int(1, 1e6), date: 1_790_000_000, chat: { id: chatType === 'private' ? from.id : -from.id, type: chatType, title: 'Nhóm' }, from, text: body };
}

function command(r: Seeded) {
  const line = r.pick(commands);
  const name = line.split(' ')[0]!;
  return { ...message(r, line), chat: { id: 5_000_000 + r.int(0, 999), type: 'private' }, entities: [{ type: 'bot_command', offset: 0, length: name.length }] };
}

function withoutSender(r: Seeded) {
  const m: Record<string, unknown> = message(r, r.pick(['/start', '/help', 'xin chào', '/quiz']));
  delete m.from;
  if (r.next() < 0.3) delete m.chat;
  return { id: String(r.int(1, 1e6)), data: 'qz:n:1', ...m };
}

function garbage(r: Seeded): string {
  const pieces = ['{', '}', '[', ']', '"', ':', ',', 'update_id', 'null', 'tru', '1e', '-', '\\u12', '\u0000', "'", 'NaN', 'undefined', '{"update_id":1,}', '<xml/>', 'update_id=1&message=x'];
  let s = '';
  for (let i = r.int(1, 30); i > 0; i--) s += r.pick(pieces);
  // A garbage string that happens to parse is not garbage: make sure it does not.
  try {
    JSON.parse(s);
    return `${s}}`;
  } catch {
    return s;
  }
}

/** A real update cut short: any proper prefix of a JSON object is invalid JSON. */
function truncated(r: Seeded, msg: unknown, id: number): FuzzCase {
  const full = JSON.stringify({ update_id: id, message: msg });
  return { kind: 'truncated', body: full.slice(0, r.int(0, full.length - 1)), contentType: 'application/json', expect: 400, claims: null };
}

function oversized(r: Seeded, id: number): FuzzCase {
  const filler = nfd('Nghị quyết ').repeat(Math.ceil((maxBodyBytes * 1.05) / 10));
  const body = r.next() < 0.5 ? JSON.stringify({ update_id: id, message: { text: filler } }) : `{"update_id":${id},"junk":"${'x'.repeat(maxBodyBytes + r.int(1, 4096))}"}`;
  return { kind: 'oversized', body, contentType: 'application/json', expect: 413, claims: null };
}

/** Vietnamese in a legacy one-byte encoding (Windows-1258): not UTF-8, decoded with replacement characters. */
function latin1(r: Seeded, id: number): FuzzCase {
  const from = { id: firstStranger + r.int(0, 99_999), is_bot: false, first_name: 'Thu' };
  const json = JSON.stringify({ update_id: id, message: { message_id: 1, date: 1_790_000_000, chat: { id: from.id, type: 'private' }, from, text: 'Chào đồng chí: ơn, ư, ê' } });
  const legacy: Record<string, number> = { đ: 0xf0, ơ: 0xf5, ư: 0xfd };
  const bytes = Uint8Array.from(json, (ch) => legacy[ch] ?? ch.charCodeAt(0));
  return { kind: 'latin1', body: bytes, contentType: 'application/json; charset=windows-1258', expect: 200, claims: id };
}
