/**
 * Clients for both directions: {@link org.matrixas.protocol.client.AppServiceClient} (homeserver to service) and
 * {@link org.matrixas.protocol.client.HomeserverClient} (service, bot or test to homeserver).
 */
package org.matrixas.protocol.client;
