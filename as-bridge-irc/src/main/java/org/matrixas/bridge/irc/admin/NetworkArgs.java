package org.matrixas.bridge.irc.admin;

import java.util.List;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;

/**
 * The optional network argument of a command ({@code !join [irc.example.org] #channel}): a first argument that
 * names a configured network ({@code domain}) is taken as the network; without one the bridge's only network is
 * meant, and a bridge of several networks asks which.
 */
final class NetworkArgs {
    /** A command's network and its arguments after the network. */
    record Target(String network, List<String> args, int consumed) {
    }

    private final BridgeConfig config;

    NetworkArgs(BridgeConfig config) {
        this.config = config;
    }

    /**
     * Splits {@code c}'s arguments into network and the rest, which must number {@code min} to {@code max}.
     *
     * @param usage the command's syntax for error messages, e.g. {@code !join [network] #channel [key]}
     */
    Target resolve(AdminCommand c, int min, int max, String usage) {
        List<String> args = c.args();
        Target t;
        if (!args.isEmpty() && isNetwork(args.get(0)) && args.size() - 1 >= min) {
            t = new Target(args.get(0), args.subList(1, args.size()), 1);
        } else if (config.networks().size() == 1) {
            t = new Target(config.networks().get(0).domain(), args, 0);
        } else {
            throw new AdminException("Which network? Usage: " + usage + " (networks: " + names() + ").");
        }
        if (t.args().size() < min || t.args().size() > max) {
            throw new AdminException("Usage: " + usage);
        }
        return t;
    }

    /** Every configured network, for commands about all of them ({@code !quit}). */
    List<String> all() {
        return config.networks().stream().map(NetworkConfig::domain).toList();
    }

    private boolean isNetwork(String arg) {
        return config.network(arg).isPresent();
    }

    private String names() {
        return String.join(", ", all());
    }
}
