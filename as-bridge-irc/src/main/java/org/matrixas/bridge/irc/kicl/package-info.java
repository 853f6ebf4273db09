/**
 * How the bridge runs KICL clients so that thousands of puppets stay cheap. Entry points: {@link
 * org.matrixas.bridge.irc.kicl.IrcThreads} (the fixed pool every client shares: one Netty event loop and one
 * scheduler) and {@link org.matrixas.bridge.irc.kicl.KiclParts} (the per-client parts built on it: a network handler
 * on the shared loop, a synchronous event manager, a sending queue on the shared scheduler, and a tracker that
 * only knows the client itself). KICL's defaults cost six threads per client; with these parts a client keeps
 * only KICL's input processor and immediate-sending thread.
 */
package org.matrixas.bridge.irc.kicl;
