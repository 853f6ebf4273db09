package org.matrixas.testkit.bridge;

import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixTest;

/** {@link MembershipFlows} on the in-process IRC server. */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, bridgeConfig = MembershipFlows.VoiceModerates.class)
class MembershipIT extends MembershipFlows {
}
