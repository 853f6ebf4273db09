/**
 * What every feature shares at run time: {@link org.matrixas.bridge.irc.runtime.Lifecycle} (stops components in
 * reverse order), {@link org.matrixas.bridge.irc.runtime.SerialExecutor} (per-key ordering),
 * {@link org.matrixas.bridge.irc.runtime.Backoff} and {@link org.matrixas.bridge.irc.runtime.Timeouts}.
 */
package org.matrixas.bridge.irc.runtime;
