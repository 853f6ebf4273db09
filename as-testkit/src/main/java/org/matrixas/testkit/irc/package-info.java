/**
 * An in-process IRC network for tests.
 *
 * <p>Entry points: {@link org.matrixas.testkit.irc.IrcServer} (built with
 * {@link org.matrixas.testkit.irc.IrcServer#builder()}) is a small NIO IRC server speaking enough of
 * RFC 1459/2812 and IRCv3 {@code server-time} for KICL and the IRC bridge, with hooks to inspect its
 * state ({@link org.matrixas.testkit.irc.IrcServer#messages()}, channel members, topics, the account a nick is
 * logged into) and to inject
 * failures (kill, disconnectAll, stop/start on the same port).
 * {@link org.matrixas.testkit.irc.IrcTestClient} is a raw-socket client whose waits all have deadlines.
 *
 * <p>Chosen behaviours worth knowing in tests: nicks longer than NICKLEN are truncated to NICKLEN;
 * input lines over 512 bytes (tags excluded) are rejected with 417 ERR_INPUTTOOLONG and the connection
 * stays usable; outgoing lines are cut at 512 bytes on a UTF-8 boundary; new channels are {@code +nt};
 * bans are enforced on JOIN only; there is no INVITE, so {@code +i} channels cannot be joined. Accounts
 * ({@code IrcServer.Builder#account}) are logged into with SASL PLAIN (the {@code sasl} capability is always
 * offered) or {@code PRIVMSG NickServ :IDENTIFY [account] password}; the nick {@code NickServ} is reserved.
 */
package org.matrixas.testkit.irc;
