/**
 * The HTTP side: {@link org.matrixas.homeserver.http.ApiServer} (Undertow, one router, auth first, Matrix error
 * bodies for every failure) and the handlers of the Client-Server API, the draft registration API and ping.
 * {@link org.matrixas.homeserver.http.Services} is the internal wiring record, not an API.
 */
package org.matrixas.homeserver.http;
