package org.matrixas.testkit.bridge;

import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixTest;

/** {@link UserNameFlows} on the in-process IRC server. */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = FastBridge.class)
class UserNameIT extends UserNameFlows {
}
