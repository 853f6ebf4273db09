// A bridge built on matrix-appservice-bridge's Bridge, run against as-homeserver by JsLibrariesIT:
//   node bridge.mjs <homeserver base URL> <port to listen on> <registration as JSON>
// It provisions users and rooms on the homeserver's queries, answers third-party lookups for the protocol "irc",
// echoes humans' messages as a bridged user, pings itself through the homeserver, and reports what it receives as JSON lines on stdout.
import { AppServiceRegistration, Bridge, Logger } from 'matrix-appservice-bridge';

Logger.configure({ console: 'error' });
const [homeserverUrl, port, registrationJson] = process.argv.slice(2);
const registration = AppServiceRegistration.fromObject(JSON.parse(registrationJson));
const domain = JSON.parse(registrationJson).namespaces.users[0].regex.split(':').slice(1).join(':');

function report(what, detail = {}) {
  console.log(JSON.stringify({ report: what, ...detail }));
}

const NETWORK = { network_id: 'libera', desc: 'Libera Chat', fields: { domain: 'irc.libera.chat' } };

const bridge = new Bridge({
  homeserverUrl,
  domain,
  registration,
  disableStores: true,
  controller: {
    onUserQuery(matrixUser) {
      report('query.user', { user_id: matrixUser.getId() });
      return { name: 'IRC ' + matrixUser.localpart };
    },
    onAliasQuery(alias, localpart) {
      report('query.room', { alias });
      return { creationOpts: { room_alias_name: localpart, name: 'IRC ' + localpart, preset: 'public_chat' } };
    },
    async onEvent(request) {
      const event = request.getData();
      report('event', { type: event.type, sender: event.sender, room_id: event.room_id });
      const body = event.content && event.content.body;
      if (event.type !== 'm.room.message' || typeof body !== 'string' || event.sender.startsWith('@irc_')) {
        return;
      }
      try {
        await bridge.getIntent('@irc_echo:' + domain).sendText(event.room_id, 'irc echo: ' + body);
      } catch (e) {
        report('error', { error: String(e && e.stack ? e.stack : e) });
      }
    },
    thirdPartyLookup: {
      protocols: ['irc'],
      getProtocol() {
        return {
          user_fields: ['domain', 'nick'], location_fields: ['domain', 'channel'], icon: 'mxc://example.org/irc',
          field_types: {
            domain: { regexp: '.*', placeholder: 'irc.example.org' },
            nick: { regexp: '.*', placeholder: 'nick' },
            channel: { regexp: '#.*', placeholder: '#channel' },
          },
          instances: [NETWORK],
        };
      },
      getUser(protocol, fields) {
        report('thirdparty.user', { protocol, fields });
        const nick = fields.nick || (fields.uri ? String(fields.uri).split('/').pop() : 'nobody');
        return [{ userid: `@irc_${nick.toLowerCase()}:${domain}`, protocol, fields: { domain: 'irc.libera.chat', nick } }];
      },
      getLocation(protocol, fields) {
        report('thirdparty.location', { protocol, fields });
        const channel = fields.channel || (fields.uri ? '#' + String(fields.uri).split('#').pop() : '#nowhere');
        return [{ alias: `#irc_${channel.substring(1)}:${domain}`, protocol, fields: { domain: 'irc.libera.chat', channel } }];
      },
      parseUser(userid) {
        return [{ userid, protocol: 'irc', fields: { domain: 'irc.libera.chat', nick: userid.substring(5).split(':')[0] } }];
      },
      parseLocation(alias) {
        return [{ alias, protocol: 'irc', fields: { domain: 'irc.libera.chat', channel: '#' + alias.substring(5).split(':')[0] } }];
      },
    },
  },
});

await bridge.run(Number(port), undefined, '127.0.0.1');
// The library's own end-to-end check: an event sent by the bot must come back to it in a transaction.
const { room_id: pingRoom } = await bridge.getIntent().createRoom({ createAsClient: true, options: { name: 'ping' } });
const pingMs = await bridge.pingAppserviceRoute(pingRoom, 15_000);
report('ready', { bot: bridge.getBot().getUserId(), ping_ms: pingMs });
