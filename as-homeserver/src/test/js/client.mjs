// A Matrix client built on matrix-js-sdk, run against as-homeserver by JsLibrariesIT:
//   node client.mjs <homeserver base URL>
// Registers (the 401 + m.login.dummy dance, inhibit_login, refresh_token), logs in, syncs, creates a room with an
// alias, joins it by alias from a second client, invites to a private room, and checks that each client receives
// the other's messages through /sync. Prints one JSON line per step; exits 0 when every step passed.
import * as sdk from 'matrix-js-sdk';
import { logger } from 'matrix-js-sdk/lib/logger.js';

logger.setLevel('error');
const baseUrl = process.argv[2];
const STEP_TIMEOUT_MS = 20_000;

function step(name, detail = {}) {
  console.log(JSON.stringify({ step: name, ...detail }));
}

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), STEP_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Registers through user-interactive auth: first without auth (401 + session), then with m.login.dummy. */
async function register(username, extra = {}) {
  const anon = sdk.createClient({ baseUrl });
  let session;
  try {
    await anon.registerRequest({ username, password: 'correct horse ' + username, ...extra });
    throw new Error('register without auth did not answer 401');
  } catch (e) {
    if (e.httpStatus !== 401 || !e.data || !e.data.session) {
      throw e;
    }
    const stages = e.data.flows.flatMap((f) => f.stages);
    if (!stages.includes('m.login.dummy')) {
      throw new Error('no m.login.dummy flow: ' + JSON.stringify(e.data.flows));
    }
    session = e.data.session;
  }
  return anon.registerRequest({
    username, password: 'correct horse ' + username, auth: { type: 'm.login.dummy', session }, ...extra,
  });
}

async function startClient(creds) {
  const client = sdk.createClient({
    baseUrl, accessToken: creds.access_token, userId: creds.user_id, deviceId: creds.device_id,
  });
  const prepared = new Promise((resolve, reject) => {
    client.on(sdk.ClientEvent.Sync, (state, prev, data) => {
      if (state === 'PREPARED') {
        resolve();
      } else if (state === 'ERROR') {
        reject(data && data.error ? data.error : new Error('sync error'));
      }
    });
  });
  await client.startClient({ initialSyncLimit: 10 });
  await withTimeout(prepared, 'initial sync of ' + creds.user_id);
  return client;
}

/** Resolves with the first timeline event in the room whose body is {@code body}, already there or arriving. */
function awaitMessage(client, roomId, body) {
  return withTimeout(new Promise((resolve) => {
    const seen = (ev) => ev.getRoomId() === roomId && ev.getType() === 'm.room.message'
      && ev.getContent().body === body;
    const room = client.getRoom(roomId);
    const already = room && room.getLiveTimeline().getEvents().find(seen);
    if (already) {
      resolve(already);
      return;
    }
    const onEvent = (ev) => {
      if (seen(ev)) {
        client.off(sdk.RoomEvent.Timeline, onEvent);
        resolve(ev);
      }
    };
    client.on(sdk.RoomEvent.Timeline, onEvent);
  }), `message "${body}" in ${roomId}`);
}

function awaitInvite(client, roomId) {
  return withTimeout(new Promise((resolve) => {
    // Checked after every sync: the invite may create the Room object before any membership event is re-emitted.
    const check = () => {
      const room = client.getRoom(roomId);
      if (room && room.getMyMembership() === 'invite') {
        client.off(sdk.ClientEvent.Sync, check);
        resolve();
      }
    };
    client.on(sdk.ClientEvent.Sync, check);
    check();
  }), `invite to ${roomId}`);
}

function expect(condition, what) {
  if (!condition) {
    throw new Error('expectation failed: ' + what);
  }
}

async function main() {
  const versions = await sdk.createClient({ baseUrl }).getVersions();
  expect(versions.versions.includes('v1.13'), 'versions lists v1.13');
  const flows = await sdk.createClient({ baseUrl }).loginFlows();
  expect(flows.flows.some((f) => f.type === 'm.login.password'), 'password login flow');

  const aliceCreds = await register('jsalice', { refresh_token: true, initial_device_display_name: 'js' });
  step('registered', { user_id: aliceCreds.user_id });
  const bobReg = await register('jsbob', { inhibit_login: true });
  expect(!bobReg.access_token, 'inhibit_login returns no token');
  const bobLogin = await sdk.createClient({ baseUrl }).loginRequest({
    type: 'm.login.password', identifier: { type: 'm.id.user', user: 'jsbob' }, password: 'correct horse jsbob',
  });
  step('logged in', { user_id: bobLogin.user_id });

  const alice = await startClient(aliceCreds);
  const bob = await startClient(bobLogin);
  step('synced');
  const whoami = await alice.whoami();
  expect(whoami.user_id === aliceCreds.user_id, 'whoami');
  const server = aliceCreds.user_id.split(':').slice(1).join(':');

  const { room_id: lobby } = await alice.createRoom({ room_alias_name: 'lobby', name: 'Lobby', preset: 'public_chat' });
  step('room created', { room_id: lobby });
  const joined = await bob.joinRoom(`#lobby:${server}`);
  expect(joined.roomId === lobby, 'join by alias lands in the room');
  step('joined by alias');

  const name = await alice.getStateEvent(lobby, 'm.room.name', '');
  expect(name.name === 'Lobby', 'state with an empty state key');
  const profile = await alice.getProfileInfo(bobLogin.user_id);
  expect(typeof profile === 'object', 'profile');
  const rooms = await bob.getJoinedRooms();
  expect(rooms.joined_rooms.includes(lobby), 'joined_rooms');

  await bob.sendTextMessage(lobby, 'hello from bob');
  await awaitMessage(alice, lobby, 'hello from bob');
  step('alice received bob\'s message');
  await alice.sendTextMessage(lobby, 'hi bob');
  await awaitMessage(bob, lobby, 'hi bob');
  step('bob received alice\'s message');

  const { room_id: secret } = await alice.createRoom({ name: 'Secret', preset: 'private_chat' });
  await alice.invite(secret, bobLogin.user_id);
  await awaitInvite(bob, secret);
  await bob.joinRoom(secret);
  await bob.sendTextMessage(secret, 'thanks for the invite');
  await awaitMessage(alice, secret, 'thanks for the invite');
  const members = alice.getRoom(secret).getJoinedMembers().map((m) => m.userId).sort();
  expect(members.length === 2, 'both joined: ' + members);
  step('invite, join and message in a private room');

  alice.stopClient();
  bob.stopClient();
  console.log(JSON.stringify({ ok: true }));
}

main().then(() => process.exit(0), (e) => {
  console.log(JSON.stringify({ ok: false, error: String(e && e.stack ? e.stack : e), data: e && e.data }));
  process.exit(1);
});
