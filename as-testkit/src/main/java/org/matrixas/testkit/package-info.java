/**
 * Real servers for tests: {@link org.matrixas.testkit.MatrixTest} starts a homeserver (and optionally an IRC
 * server and the bridge) per test method; the handles are {@link org.matrixas.testkit.TestHomeserver},
 * {@link org.matrixas.testkit.MatrixClient}, {@link org.matrixas.testkit.TestAppService} with
 * {@link org.matrixas.testkit.Faults}, {@link org.matrixas.testkit.TestIrc} (with {@link org.matrixas.testkit.IrcTls}
 * when it also listens with TLS) and {@link org.matrixas.testkit.TestBridge}.
 */
package org.matrixas.testkit;
