/**
 * Calls from the homeserver to application services that a client waits for: blocking user and alias queries
 * ({@link org.matrixas.homeserver.query.QueryService}: coalesced, retried, never holding a lock while the service
 * calls back; also the ping) and third-party lookups fanned out to the services that declare a protocol
 * ({@link org.matrixas.homeserver.query.ThirdPartyService}).
 */
package org.matrixas.homeserver.query;
