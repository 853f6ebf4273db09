package org.matrixas.bridge.irc.irc;

/** Answers whether a nick belongs to one of the bridge's puppets, so the bot can ignore their lines. */
interface PuppetNicks {

    boolean isPuppetNick(String network, String nick);
}
