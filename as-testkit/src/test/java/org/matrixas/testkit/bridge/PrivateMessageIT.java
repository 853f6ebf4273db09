package org.matrixas.testkit.bridge;

import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.MatrixTest;

/** {@link PrivateMessageFlows} on the in-process IRC server. */
@MatrixTest(irc = IrcMode.IN_PROCESS, bridge = true, channels = "#pm", bridgeConfig = FastBridge.class)
class PrivateMessageIT extends PrivateMessageFlows {
}
