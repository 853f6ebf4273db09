package org.matrixas.testkit.bridge;

import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixTest;

/** {@link PrivateMessageFlows} on a real ngircd. */
@MatrixTest(irc = IrcMode.NGIRCD, bridge = true, channels = "#pm", bridgeConfig = FastBridge.class)
class PrivateMessageNgircdIT extends PrivateMessageFlows {
}
