// An application service built on matrix-bot-sdk's Appservice, run against as-homeserver by JsLibrariesIT:
//   node bot-sdk.mjs <homeserver base URL> <port to listen on> <registration as JSON>
// It creates users and rooms when the homeserver queries it (calling back into the Client-Server API before it
// answers), echoes every message of a human as its bot, and reports what it receives as JSON lines on stdout.
import { Appservice, LogService, LogLevel, MemoryStorageProvider } from 'matrix-bot-sdk';

LogService.setLevel(LogLevel.ERROR);
const [homeserverUrl, port, registrationJson] = process.argv.slice(2);
const registration = JSON.parse(registrationJson);
const homeserverName = registration.namespaces.users[0].regex.split(':').slice(1).join(':');

function report(what, detail = {}) {
  console.log(JSON.stringify({ report: what, ...detail }));
}

const appservice = new Appservice({
  port: Number(port),
  bindAddress: '127.0.0.1',
  homeserverName,
  homeserverUrl,
  registration,
  storage: new MemoryStorageProvider(),
});

appservice.on('query.user', (userId, createUser) => {
  report('query.user', { user_id: userId });
  createUser({ display_name: 'Bridged ' + userId.substring(1).split(':')[0] });
});

appservice.on('query.room', (alias, createRoom) => {
  report('query.room', { alias });
  createRoom({ name: 'Bridged ' + alias, preset: 'public_chat', visibility: 'public' });
});

appservice.on('room.message', async (roomId, event) => {
  const body = event.content && event.content.body;
  report('room.message', { room_id: roomId, sender: event.sender, body });
  if (appservice.isNamespacedUser(event.sender) || typeof body !== 'string') {
    return;
  }
  try {
    await appservice.botIntent.sendText(roomId, 'echo: ' + body);
    const puppet = appservice.getIntentForSuffix('echo');
    await puppet.ensureRegisteredAndJoined(roomId);
    await puppet.sendText(roomId, 'puppet echo: ' + body);
  } catch (e) {
    report('error', { error: String(e && e.stack ? e.stack : e) });
  }
});

appservice.on('room.event', (roomId, event) => {
  report('room.event', { room_id: roomId, type: event.type, sender: event.sender });
});

appservice.on('ephemeral.event', (event) => {
  report('ephemeral', { type: event.type });
});

await appservice.begin();
const whoami = await appservice.botClient.getUserId();
report('ready', { bot: whoami });
