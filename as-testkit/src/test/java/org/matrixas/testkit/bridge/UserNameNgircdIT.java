package org.matrixas.testkit.bridge;

import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixTest;

/** {@link UserNameFlows} on a real ngircd. */
@MatrixTest(irc = IrcMode.NGIRCD, bridge = true, bridgeConfig = FastBridge.class)
class UserNameNgircdIT extends UserNameFlows {
}
