package org.matrixas.testkit.bridge;

import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixTest;

/** {@link MembershipFlows} on a real ngircd. */
@MatrixTest(irc = IrcMode.NGIRCD, bridge = true, bridgeConfig = MembershipFlows.VoiceModerates.class)
class MembershipNgircdIT extends MembershipFlows {
}
