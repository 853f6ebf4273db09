/**
 * HTTP helpers shared by the toolkit's servers and clients: {@link org.matrixas.protocol.http.PercentCodec} for
 * IDs in paths and {@link org.matrixas.protocol.http.Exchanges} for Undertow handlers.
 */
package org.matrixas.protocol.http;
